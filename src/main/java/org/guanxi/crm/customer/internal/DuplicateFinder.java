package org.guanxi.crm.customer.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
 * their blind indexes), the same name in simplified characters, the same pinyin, or a name alike
 * (see {@link NameKeys}). New customers are compared with the workspace's customers and with the
 * new customers before them, a whole batch in a few queries, each an exact look-up in an index.
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

  private final JdbcClient jdbc;
  private final BlindIndex blindIndex;

  DuplicateFinder(JdbcClient jdbc, BlindIndex blindIndex) {
    this.jdbc = jdbc;
    this.blindIndex = blindIndex;
  }

  private record Keys(
      @Nullable String email,
      @Nullable String phone,
      String name,
      List<String> pinyin,
      long[] nameKeys) {}

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
    Map<Long, UUID> earlierAlike = new HashMap<>();
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
      if (candidates.isEmpty()) {
        for (long nameKey : key.nameKeys()) {
          note(candidates, earlierAlike.get(nameKey), Reason.SIMILAR_NAME);
        }
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
        for (long nameKey : key.nameKeys()) {
          earlierAlike.putIfAbsent(nameKey, id);
        }
      } else {
        matches.add(strongest(candidates));
      }
    }
    return matches;
  }

  private Keys keysOf(CustomerStore.Content content) {
    PersonalData personal = content.personal();
    String name = SearchKeys.normalise(content.name());
    return new Keys(
        hex(blindIndex.of(SensitiveField.EMAIL, personal.email())),
        hex(blindIndex.of(SensitiveField.PHONE, personal.phone())),
        name,
        SearchKeys.fullPinyin(content.name()),
        NameKeys.of(name));
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
   * and the look for names alike go through database functions: under row-level security the
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

  /** For the names that matched nothing else: the existing customer most alike, by position. */
  private Map<Integer, UUID> existingSimilar(
      List<Keys> keys,
      Map<String, UUID> byEmail,
      Map<String, UUID> byPhone,
      Map<String, UUID> byName,
      Map<String, UUID> byPinyin) {
    List<String> nameKeys = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Keys key = keys.get(i);
      boolean matched =
          (key.email() != null && byEmail.containsKey(key.email()))
              || (key.phone() != null && byPhone.containsKey(key.phone()))
              || byName.containsKey(key.name())
              || key.pinyin().stream().anyMatch(byPinyin::containsKey);
      if (!matched && key.nameKeys().length > 0) {
        nameKeys.add(NameKeys.arrayLiteral(key.nameKeys()));
        positions.add(i);
      }
    }
    Map<Integer, UUID> found = new HashMap<>();
    if (nameKeys.isEmpty()) {
      return found;
    }
    jdbc.sql("select ordinal, customer_id from guanxi_customers_alike(cast(:keys as text[]))")
        .param("keys", nameKeys.toArray(String[]::new))
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
    long[] nameKeys = NameKeys.of(normalised);
    if (nameKeys.length > 0) {
      jdbc.sql("select customer_id from guanxi_customers_alike(cast(:keys as text[]))")
          .param("keys", new String[] {NameKeys.arrayLiteral(nameKeys)})
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
