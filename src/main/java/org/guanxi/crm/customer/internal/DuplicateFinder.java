package org.guanxi.crm.customer.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the customers that new ones may duplicate: the same e-mail address or phone number (through
 * their blind indexes), the same name in simplified characters, the same pinyin, or a name at least
 * 80% alike (pg_trgm's trigram similarity). New customers are compared with the workspace's
 * customers and with the new customers before them, a whole batch in a few queries.
 */
@Component
class DuplicateFinder {

  enum Reason {
    EMAIL,
    PHONE,
    NAME,
    PINYIN,
    SIMILAR_NAME
  }

  /** The customer a new one may duplicate, and why. */
  record Match(UUID candidateId, Set<Reason> reasons) {}

  /** A customer about to be created. */
  record Newcomer(UUID id, CustomerStore.Content content) {}

  /**
   * The trigram similarity from which names count as alike (also set in
   * guanxi_customers_named_like).
   */
  static final double SIMILARITY = 0.8;

  // Shorter names are 80% alike only when they are the same, which the name comparison already
  // finds.
  private static final int SIMILARITY_MIN_LENGTH = 5;

  private final JdbcClient jdbc;
  private final BlindIndex blindIndex;

  DuplicateFinder(JdbcClient jdbc, BlindIndex blindIndex) {
    this.jdbc = jdbc;
    this.blindIndex = blindIndex;
  }

  private record Keys(
      @Nullable String email, @Nullable String phone, String name, List<String> pinyin) {}

  /**
   * For each newcomer, in order, what it may duplicate (null for none). Runs inside the caller's
   * transaction.
   */
  List<@Nullable Match> find(List<Newcomer> newcomers) {
    // a plan made for the keys at hand: a generic one, made when the table looked empty, may scan
    // the workspace per key
    jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)")
        .query(String.class)
        .single();
    List<Keys> keys = newcomers.stream().map(n -> keysOf(n.content())).toList();
    Map<String, UUID> byEmail =
        existing("email_bidx", keys.stream().map(Keys::email).filter(Objects::nonNull).toList());
    Map<String, UUID> byPhone =
        existing("phone_bidx", keys.stream().map(Keys::phone).filter(Objects::nonNull).toList());
    Map<String, UUID> byName = existingNames(keys.stream().map(Keys::name).toList());
    Map<String, UUID> byPinyin =
        existingPinyin(keys.stream().flatMap(k -> k.pinyin().stream()).distinct().toList());
    Map<Integer, UUID> bySimilarity = existingSimilar(keys, byEmail, byPhone, byName, byPinyin);

    List<@Nullable Match> matches = new ArrayList<>();
    Map<String, UUID> earlierEmail = new HashMap<>();
    Map<String, UUID> earlierPhone = new HashMap<>();
    Map<String, UUID> earlierName = new HashMap<>();
    Map<String, UUID> earlierPinyin = new HashMap<>();
    EarlierNames earlierNames = new EarlierNames();
    for (int i = 0; i < newcomers.size(); i++) {
      Keys key = keys.get(i);
      Map<UUID, Set<Reason>> candidates = new LinkedHashMap<>();
      note(
          candidates,
          key.email() == null
              ? null
              : byEmail.getOrDefault(key.email(), earlierEmail.get(key.email())),
          Reason.EMAIL);
      note(
          candidates,
          key.phone() == null
              ? null
              : byPhone.getOrDefault(key.phone(), earlierPhone.get(key.phone())),
          Reason.PHONE);
      note(candidates, byName.getOrDefault(key.name(), earlierName.get(key.name())), Reason.NAME);
      for (String pinyin : key.pinyin()) {
        note(candidates, byPinyin.getOrDefault(pinyin, earlierPinyin.get(pinyin)), Reason.PINYIN);
      }
      note(candidates, bySimilarity.get(i), Reason.SIMILAR_NAME);
      Set<String> trigrams =
          key.name().length() >= SIMILARITY_MIN_LENGTH ? trigrams(key.name()) : Set.of();
      if (candidates.isEmpty() && !trigrams.isEmpty()) {
        note(candidates, earlierNames.alike(trigrams), Reason.SIMILAR_NAME);
      }
      if (candidates.isEmpty()) {
        matches.add(null);
        UUID id = newcomers.get(i).id();
        if (key.email() != null) {
          earlierEmail.putIfAbsent(key.email(), id);
        }
        if (key.phone() != null) {
          earlierPhone.putIfAbsent(key.phone(), id);
        }
        earlierName.putIfAbsent(key.name(), id);
        key.pinyin().forEach(p -> earlierPinyin.putIfAbsent(p, id));
        if (!trigrams.isEmpty()) {
          earlierNames.add(trigrams, id);
        }
      } else {
        matches.add(strongest(candidates));
      }
    }
    return matches;
  }

  private Keys keysOf(CustomerStore.Content content) {
    PersonalData personal = content.personal();
    return new Keys(
        hex(blindIndex.of(SensitiveField.EMAIL, personal.email())),
        hex(blindIndex.of(SensitiveField.PHONE, personal.phone())),
        SearchKeys.normalise(content.name()),
        SearchKeys.fullPinyin(content.name()));
  }

  private Map<String, UUID> existing(String column, List<String> hexKeys) {
    Map<String, UUID> found = new HashMap<>();
    if (hexKeys.isEmpty()) {
      return found;
    }
    // a join, not "= any(:keys)": that would compare every customer with every key
    jdbc.sql(
            "select c."
                + column
                + ", c.id from unnest(cast(:keys as bytea[])) as k (key) join customer c on c."
                + column
                + " = k.key where c."
                + column
                + " is not null and c.deleted_at is null order by c.created_at, c.id")
        .param("keys", hexKeys.stream().map(k -> "\\x" + k).toArray(String[]::new))
        .query(
            (rs, n) ->
                found.putIfAbsent(
                    HexFormat.of().formatHex(rs.getBytes(1)), rs.getObject(2, UUID.class)))
        .list();
    return found;
  }

  private Map<String, UUID> existingNames(List<String> names) {
    Map<String, UUID> found = new HashMap<>();
    jdbc.sql(
            "select c.search_name, c.id from unnest(cast(:names as text[])) as n (name) join customer c on c.search_name = n.name"
                + " where c.deleted_at is null order by c.created_at, c.id")
        .param("names", names.stream().distinct().toArray(String[]::new))
        .query((rs, n) -> found.putIfAbsent(rs.getString(1), rs.getObject(2, UUID.class)))
        .list();
    return found;
  }

  /**
   * Customers one of whose pinyin readings is one of these (search_latin holds them as words). This
   * and the look for similar names go through database functions: under row-level security the
   * indexes they need would not be used.
   */
  private Map<String, UUID> existingPinyin(List<String> readings) {
    Map<String, UUID> found = new HashMap<>();
    if (readings.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "select reading, customer_id from guanxi_customers_sounding_like(cast(:readings as text[]))")
        .param("readings", readings.toArray(String[]::new))
        .query((rs, n) -> found.putIfAbsent(rs.getString(1), rs.getObject(2, UUID.class)))
        .list();
    return found;
  }

  /**
   * For the long names that matched nothing else: the most similar existing customer, by position.
   */
  private Map<Integer, UUID> existingSimilar(
      List<Keys> keys,
      Map<String, UUID> byEmail,
      Map<String, UUID> byPhone,
      Map<String, UUID> byName,
      Map<String, UUID> byPinyin) {
    List<String> names = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Keys key = keys.get(i);
      boolean matched =
          (key.email() != null && byEmail.containsKey(key.email()))
              || (key.phone() != null && byPhone.containsKey(key.phone()))
              || byName.containsKey(key.name())
              || key.pinyin().stream().anyMatch(byPinyin::containsKey);
      if (!matched && key.name().length() >= SIMILARITY_MIN_LENGTH) {
        names.add(key.name());
        positions.add(i);
      }
    }
    Map<Integer, UUID> found = new HashMap<>();
    if (names.isEmpty()) {
      return found;
    }
    jdbc.sql("select ordinal, customer_id from guanxi_customers_named_like(cast(:names as text[]))")
        .param("names", names.toArray(String[]::new))
        .query(
            (rs, n) ->
                found.putIfAbsent(positions.get(rs.getInt(1) - 1), rs.getObject(2, UUID.class)))
        .list();
    return found;
  }

  private static void note(Map<UUID, Set<Reason>> candidates, @Nullable UUID id, Reason reason) {
    if (id != null) {
      candidates.computeIfAbsent(id, k -> EnumSet.noneOf(Reason.class)).add(reason);
    }
  }

  /**
   * The candidate with the most reasons; between equals, the one with the surest reason (e-mail
   * before phone …).
   */
  private static Match strongest(Map<UUID, Set<Reason>> candidates) {
    Map.Entry<UUID, Set<Reason>> best = null;
    for (Map.Entry<UUID, Set<Reason>> candidate : candidates.entrySet()) {
      if (best == null
          || candidate.getValue().size() > best.getValue().size()
          || (candidate.getValue().size() == best.getValue().size()
              && candidate.getValue().iterator().next().ordinal()
                  < best.getValue().iterator().next().ordinal())) {
        best = candidate;
      }
    }
    return new Match(Objects.requireNonNull(best).getKey(), Set.copyOf(best.getValue()));
  }

  /**
   * pg_trgm's similarity: words padded with two spaces before and one after, cut in threes, shared
   * over all.
   */
  static double similarity(String a, String b) {
    Set<String> left = trigrams(a);
    Set<String> right = trigrams(b);
    long shared = left.stream().filter(right::contains).count();
    return left.isEmpty() || right.isEmpty()
        ? 0
        : (double) shared / (left.size() + right.size() - shared);
  }

  /**
   * The long names of a batch so far, by their trigrams, to find the first one alike to a new name.
   */
  private static final class EarlierNames {

    private final List<UUID> ids = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final Map<String, List<Integer>> byTrigram = new HashMap<>();

    void add(Set<String> trigrams, UUID id) {
      int position = ids.size();
      ids.add(id);
      sizes.add(trigrams.size());
      trigrams.forEach(t -> byTrigram.computeIfAbsent(t, k -> new ArrayList<>()).add(position));
    }

    @Nullable UUID alike(Set<String> trigrams) {
      int[] shared = new int[ids.size()];
      for (String trigram : trigrams) {
        for (int position : byTrigram.getOrDefault(trigram, List.of())) {
          shared[position]++;
        }
      }
      for (int position = 0; position < shared.length; position++) {
        int union = trigrams.size() + sizes.get(position) - shared[position];
        if (shared[position] > 0 && (double) shared[position] / union >= SIMILARITY) {
          return ids.get(position);
        }
      }
      return null;
    }
  }

  private static Set<String> trigrams(String text) {
    Set<String> trigrams = new HashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      int[] chars = ("  " + word + " ").codePoints().toArray();
      for (int i = 0; i + 2 < chars.length; i++) {
        trigrams.add(new String(chars, i, 3));
      }
    }
    return trigrams;
  }

  private static @Nullable String hex(byte @Nullable [] bytes) {
    return bytes == null ? null : HexFormat.of().formatHex(bytes);
  }

  /**
   * Every customer one prospective customer may duplicate, each with all its reasons, the likeliest
   * first: e-mail addresses and phone numbers (normalised) are compared with those of customers and
   * of their contacts; the name as {@link #find} compares it.
   */
  Map<UUID, Set<Reason>> candidates(
      List<String> emails, List<String> phones, String name, int limit) {
    Map<UUID, Set<Reason>> candidates = new LinkedHashMap<>();
    for (String email : emails) {
      onCustomerOrContact("email_bidx", blindIndex.of(SensitiveField.EMAIL, email))
          .forEach(id -> note(candidates, id, Reason.EMAIL));
    }
    for (String phone : phones) {
      onCustomerOrContact("phone_bidx", blindIndex.of(SensitiveField.PHONE, phone))
          .forEach(id -> note(candidates, id, Reason.PHONE));
    }
    String normalised = SearchKeys.normalise(name);
    jdbc.sql(
            "select c.id from customer c where c.search_name = ? and c.deleted_at is null"
                + " order by c.created_at, c.id limit ?")
        .params(normalised, limit)
        .query(UUID.class)
        .list()
        .forEach(id -> note(candidates, id, Reason.NAME));
    List<String> pinyin = SearchKeys.fullPinyin(name);
    if (!pinyin.isEmpty()) {
      jdbc.sql("select customer_id from guanxi_customers_sounding_like(cast(:readings as text[]))")
          .param("readings", pinyin.toArray(String[]::new))
          .query(UUID.class)
          .list()
          .forEach(id -> note(candidates, id, Reason.PINYIN));
    }
    if (normalised.length() >= SIMILARITY_MIN_LENGTH) {
      jdbc.sql("select customer_id from guanxi_customers_named_like(cast(:names as text[]))")
          .param("names", new String[] {normalised})
          .query(UUID.class)
          .list()
          .forEach(id -> note(candidates, id, Reason.SIMILAR_NAME));
    }
    Map<UUID, Set<Reason>> likeliestFirst = new LinkedHashMap<>();
    candidates.entrySet().stream()
        .sorted(
            java.util.Comparator.<Map.Entry<UUID, Set<Reason>>>comparingInt(
                    e -> -e.getValue().size())
                .thenComparingInt(e -> e.getValue().iterator().next().ordinal()))
        .limit(limit)
        .forEach(e -> likeliestFirst.put(e.getKey(), e.getValue()));
    return likeliestFirst;
  }

  /** Customers (not deleted) that hold the key themselves or through one of their contacts. */
  private List<UUID> onCustomerOrContact(String column, byte @Nullable [] key) {
    if (key == null) {
      return List.of();
    }
    return jdbc.sql(
            "select c.id from customer c where c."
                + column
                + " = :key and c.deleted_at is null"
                + " union select c.id from customer_contact k join customer c"
                + " on c.workspace_id = k.workspace_id and c.id = k.customer_id"
                + " where k."
                + column
                + " = :key and c.deleted_at is null")
        .param("key", key)
        .query(UUID.class)
        .list();
  }
}
