package org.guanxi.crm.customer.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Holding;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.guanxi.crm.privacy.SealedPhoneAndEmail;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers in PostgreSQL. Personal data is sealed on the way in, for its customer and column, and
 * opened on the way out; every read is limited to the customers the user may see, in the query
 * itself. A key rotation seals it again through {@link #resealAfter}.
 */
@Repository
class CustomerStore implements SealedColumns<UUID> {

  /**
   * Who holds a customer ({@code customer c}): its owner, and the users it is shared with while it
   * is not in the pool; a customer in the pool has no owner and is seen through the pool only
   * ({@link PoolStore}), without personal data.
   */
  static final Holding HOLDING =
      Holding.ownedBy("c.owner_id")
          .sharedIn(new Holding.Shares("customer_share", "customer_id", "user_id", "c.id"))
          .pooledWhen("c.pooled_at");

  private static final String COLUMNS =
      """
      c.id, c.kind, c.name, c.industry, c.source, c.city, c.lifecycle_stage, c.classification, c.tags, c.preferences,
      c.owner_id, (select u.display_name from workspace_user u where u.id = c.owner_id) as owner_name, c.team_id,
      c.phone_enc, c.email_enc, c.id_card_enc, c.birthday_enc, c.address_enc,
      c.custom_fields::text as custom_fields, c.created_at, c.updated_at, c.deleted_at, c.version, c.external_key
      """;

  private static final String UPDATE =
      """
      update customer set kind = :kind, name = :name, industry = :industry, source = :source, city = :city,
        lifecycle_stage = :stage, classification = :classification, tags = :tags, preferences = :preferences,
        owner_id = :ownerId, team_id = :teamId, phone_enc = :phoneEnc, phone_bidx = :phoneBidx,
        phone_tail_bidx = :phoneTailBidx, email_enc = :emailEnc, email_bidx = :emailBidx,
        id_card_enc = :idCardEnc, id_card_bidx = :idCardBidx, birthday_enc = :birthdayEnc,
        address_enc = :addressEnc, search_name = :searchName, search_latin = :searchLatin,
        search_grams = :searchGrams, name_keys = :nameKeys, custom_fields = cast(:customFields as jsonb)
      """;

  private static final String INSERT =
      """
          insert into customer (workspace_id, id, kind, name, industry, source, city, lifecycle_stage, classification,
            tags, preferences, owner_id, team_id, phone_enc, phone_bidx, phone_tail_bidx, email_enc, email_bidx,
            id_card_enc, id_card_bidx, birthday_enc, address_enc, search_name, search_latin, search_grams,
            name_keys, custom_fields, created_at, updated_at)
          values (guanxi_current_workspace(), :id, :kind, :name, :industry, :source, :city, :stage, :classification,
            :tags, :preferences, :ownerId, :teamId, :phoneEnc, :phoneBidx, :phoneTailBidx, :emailEnc, :emailBidx,
            :idCardEnc, :idCardBidx, :birthdayEnc, :addressEnc, :searchName, :searchLatin, :searchGrams,
            :nameKeys, cast(:customFields as jsonb), :now, :now)
          """;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int PHONE_TAIL = 4;
  private static final int SHORTEST_PHONE = 5;
  private static final int LONGEST_PHONE = 15;
  private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {};

  private static final List<String> SEALED =
      List.of("phone_enc", "email_enc", "id_card_enc", "birthday_enc", "address_enc");
  private static final int RESEALED_PER_BATCH = 1_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batchJdbc;
  private final FieldCipher cipher;
  private final BlindIndex blindIndex;

  CustomerStore(
      JdbcClient jdbc, JdbcTemplate batchJdbc, FieldCipher cipher, BlindIndex blindIndex) {
    this.jdbc = jdbc;
    this.batchJdbc = batchJdbc;
    this.cipher = cipher;
    this.blindIndex = blindIndex;
  }

  /** Where a customer's sealed value is kept. */
  private static FieldContext sealed(String column, UUID customer) {
    return FieldContext.of("customer", column, customer);
  }

  /** A customer's normalised content, ready to be stored. */
  record Content(
      CustomerKind kind,
      String name,
      @Nullable String industry,
      @Nullable String source,
      @Nullable String city,
      LifecycleStage lifecycleStage,
      Classification classification,
      List<String> tags,
      @Nullable String preferences,
      @Nullable UUID ownerId,
      @Nullable UUID teamId,
      PersonalData personal,
      Map<String, Object> customFields) {

    /**
     * A customer as a draft (checked already) describes it, its texts stripped and blank ones left
     * out, with its owner and team and its sealed personal data.
     */
    static Content of(
        CustomerDraft draft,
        @Nullable UUID ownerId,
        @Nullable UUID teamId,
        PersonalData personal,
        Map<String, Object> customFields) {
      return new Content(
          draft.kind(),
          draft.name().strip(),
          SensitiveValues.text(draft.industry()),
          SensitiveValues.text(draft.source()),
          SensitiveValues.text(draft.city()),
          draft.stageOrDefault(),
          draft.classificationOrDefault(),
          draft.tagsOrEmpty(),
          SensitiveValues.text(draft.preferences()),
          ownerId,
          teamId,
          personal,
          customFields);
    }

    /**
     * The customer as {@link #insert} stores it and a read would return it (custom-field values
     * typed as read back from JSON), so that a create need not read it back.
     */
    Customer asNewCustomer(UUID id, String ownerName, Instant now) {
      return new Customer(
          id,
          kind,
          name,
          industry,
          source,
          city,
          lifecycleStage,
          classification,
          new ArrayList<>(tags),
          preferences,
          ownerId,
          ownerName,
          teamId,
          personal,
          JSON.readValue(JSON.writeValueAsString(customFields), VALUES),
          now,
          now,
          null,
          0,
          null);
    }
  }

  void insert(UUID id, Content content, Instant now) {
    StoreWrites.insert(jdbc, INSERT, parameters(id, content), id, now);
  }

  /**
   * Writes the new content when the stored version is still {@code expectedVersion}; false
   * otherwise.
   */
  boolean update(UUID id, long expectedVersion, Content content, Instant now) {
    return StoreWrites.updateAtVersion(
        jdbc, UPDATE, "deleted_at is null", parameters(id, content), id, expectedVersion, now);
  }

  boolean markDeleted(UUID id, long expectedVersion, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update customer set deleted_at = ?, version = version + 1 where id = ? and version = ? and deleted_at is null")
            .params(Timestamp.from(now), id, expectedVersion));
  }

  /**
   * Brings a customer back from the recycle bin, unless it was merged into another: its records
   * live there now.
   */
  boolean restore(UUID id, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update customer set deleted_at = null, updated_at = ?, version = version + 1 "
                    + "where id = ? and deleted_at is not null and merged_into is null")
            .params(Timestamp.from(now), id));
  }

  Optional<Customer> findVisible(CurrentUser user, UUID id, boolean includeDeleted) {
    SqlWhere where = SqlWhere.visibleTo(user, HOLDING).and("c.id = :id", "id", id);
    if (!includeDeleted) {
      where.and("c.deleted_at is null");
    }
    return where.one(jdbc, "select " + COLUMNS + " from customer c", this::customer);
  }

  CustomerPage list(CurrentUser user, CustomerQuery query) {
    CustomerFilters filters = query.filters();
    SqlWhere where =
        SqlWhere.visibleTo(user, HOLDING)
            .and(query.deleted() ? "c.deleted_at is not null" : "c.deleted_at is null")
            .and("c.lifecycle_stage = :stage", "stage", filters.lifecycleStage())
            .and("c.classification = :classification", "classification", filters.classification())
            .and("c.kind = :kind", "kind", filters.kind())
            .and("c.owner_id = :ownerId", "ownerId", filters.ownerId())
            .and("c.tags @> array[cast(:tag as text)]", "tag", filters.tag())
            .and("c.city = :city", "city", filters.city())
            .and("c.industry = :industry", "industry", filters.industry());
    if (!query.customFields().isEmpty()) {
      where.and(
          "c.custom_fields @> cast(:customFieldFilter as jsonb)",
          "customFieldFilter",
          JSON.writeValueAsString(query.customFields()));
    }
    if (filters.q() != null && !filters.q().isBlank()) {
      where.and(searchCondition(filters.q().strip(), query.deleted(), where.params()));
    }
    if (query.cursor() != null) {
      Cursor cursor = Cursor.decode(query.cursor(), query.sort());
      boolean newest = query.sort() == CustomerSort.NEWEST;
      where.after(
          newest ? "c.created_at" : "c.search_name",
          "c.id",
          newest,
          cursor.keyParameter(),
          cursor.id());
    }
    List<Customer> rows =
        where.pageRows(
            jdbc,
            "select " + COLUMNS + " from customer c",
            query.sort().orderBy,
            query.limit(),
            this::customer);
    SqlPage<Customer> page =
        SqlPage.of(rows, query.limit(), last -> Cursor.after(last, query.sort()).encode());
    return new CustomerPage(page.items(), page.nextCursor());
  }

  long countVisible(CurrentUser user) {
    RecordAccess.Condition visibility = RecordAccess.visible(user, HOLDING);
    return jdbc.sql(
            "select count(*) from customer c where c.deleted_at is null and " + visibility.sql())
        .params(visibility.params())
        .query(Long.class)
        .single();
  }

  /**
   * One search box: an e-mail address is looked up through its blind index, on the customer and its
   * contacts. Anything else finds the customers whose name matches it, the one whose external key
   * it is exactly (its number in another system, such as 17850), and, when it is a phone number in
   * any notation (or its last four digits), the customers with that phone on them or on a contact:
   * a query of digits may be any of these, so it looks for all of them. The matching ids are found
   * first, each way through its own index, and only then ordered and paged: left to itself the
   * planner would walk the whole list in order and test every row.
   */
  private String searchCondition(String q, boolean deleted, Map<String, Object> params) {
    if (q.contains("@")) {
      params.put(
          "emailBidx", blindIndex.of(SensitiveField.EMAIL, q.toLowerCase(java.util.Locale.ROOT)));
      return "c.id = any(array("
          + matching("x.email_bidx = :emailBidx", "k.email_bidx = :emailBidx")
          + "))";
    }
    List<String> ways = new ArrayList<>();
    ways.add(nameIds(q, params));
    ways.add(externalKeyIds(q, deleted, params));
    if (q.matches("[\\d\\s+()\\-]+")) {
      String digits = q.replaceAll("\\D", "");
      // without the 0086 prefix, as a phone is stored; other lengths are no phone and look for none
      String national = digits.startsWith("0086") ? digits.substring(4) : digits;
      if (digits.length() == PHONE_TAIL) {
        params.put("tailBidx", blindIndex.of(SensitiveField.PHONE_TAIL, digits));
        ways.add(matching("x.phone_tail_bidx = :tailBidx", "k.phone_tail_bidx = :tailBidx"));
      } else if (national.length() >= SHORTEST_PHONE && national.length() <= LONGEST_PHONE) {
        params.put("phoneBidx", blindIndex.of(SensitiveField.PHONE, SensitiveValues.phone("q", q)));
        ways.add(matching("x.phone_bidx = :phoneBidx", "k.phone_bidx = :phoneBidx"));
      }
    }
    return "c.id = any(array(" + String.join(" union ", ways) + "))";
  }

  /**
   * The customer whose external key {@code q} is, exactly: text {@code =} is leakproof, so the
   * partial unique index of the living customers' keys (V53), and that of the deleted ones' (V80)
   * for the recycle bin, serve under row-level security.
   */
  private static String externalKeyIds(String q, boolean deleted, Map<String, Object> params) {
    params.put("externalKey", q);
    return "select x.id from customer x where x.external_key = :externalKey and x.deleted_at is "
        + (deleted ? "not null" : "null");
  }

  /**
   * Customers whose name matches {@code q} in any part, its pinyin or initials, as a condition on
   * {@code customer c}: the matching ids come from the name indexes first.
   */
  static String nameCondition(String q, Map<String, Object> params) {
    return "c.id = any(array(" + nameIds(q, params) + "))";
  }

  /**
   * The ids of the customers whose name matches {@code q}, through the functions of migration V6
   * (grams for Chinese text and short tokens, trigrams of the Latin text and pinyin otherwise,
   * where digits are words like any other: 华为2024项目部 is found by 2024).
   */
  private static String nameIds(String q, Map<String, Object> params) {
    String normalised = SearchKeys.normalise(q);
    if (SearchKeys.containsCjk(normalised)) {
      params.put("like", SqlText.likeAnywhere(normalised));
      params.put("grams", SearchKeys.cjkQueryGrams(normalised).toArray(String[]::new));
      return "select guanxi_customer_ids_by_grams(cast(:grams as text[]), :like)";
    }
    String latin = normalised.replaceAll("[^a-z0-9]+", " ").strip();
    if (latin.replace(" ", "").length() <= 2) {
      params.put("grams", new String[] {latin.replace(" ", "")});
      return "select guanxi_customer_ids_by_grams(cast(:grams as text[]), '%')";
    }
    params.put("like", SqlText.likeAnywhere(latin));
    return "select guanxi_customer_ids_by_latin(:like)";
  }

  /**
   * The ids of the customers whose own row (as {@code x}) or one of whose contacts (as {@code k})
   * matches. Blind indexes are compared with {@code =} on bytea, which PostgreSQL may use an index
   * for under row-level security; names need the functions of migration V6 for that.
   */
  private static String matching(String onCustomer, String onContact) {
    return "select x.id from customer x where "
        + onCustomer
        + " union select k.customer_id from customer_contact k where "
        + onContact;
  }

  private Map<String, Object> parameters(UUID id, Content content) {
    PersonalData personal = content.personal();
    SearchKeys.Keys keys = SearchKeys.of(content.name());
    Map<String, Object> params = new HashMap<>();
    params.put("kind", content.kind().name());
    params.put("name", content.name());
    params.put("industry", content.industry());
    params.put("source", content.source());
    params.put("city", content.city());
    params.put("stage", content.lifecycleStage().name());
    params.put("classification", content.classification().name());
    params.put("tags", content.tags().toArray(String[]::new));
    params.put("preferences", content.preferences());
    params.put("ownerId", content.ownerId());
    params.put("teamId", content.teamId());
    params.putAll(sealedParameters(id, personal));
    params.put("searchName", keys.name());
    params.put("searchLatin", keys.latin());
    params.put("searchGrams", keys.grams().toArray(String[]::new));
    params.put("nameKeys", NameKeys.boxed(NameKeys.of(keys.name())));
    params.put("customFields", JSON.writeValueAsString(content.customFields()));
    return params;
  }

  /** A customer's personal data sealed for it, with its blind indexes, as statement parameters. */
  private Map<String, Object> sealedParameters(UUID id, PersonalData personal) {
    Map<String, Object> params =
        SealedPhoneAndEmail.parameters(
            cipher, blindIndex, "customer", id, personal.phone(), personal.email());
    params.put("idCardEnc", cipher.encrypt(personal.idCard(), sealed("id_card_enc", id)));
    params.put("idCardBidx", blindIndex.of(SensitiveField.ID_CARD, personal.idCard()));
    params.put(
        "birthdayEnc",
        cipher.encrypt(
            personal.birthday() == null ? null : personal.birthday().toString(),
            sealed("birthday_enc", id)));
    params.put("addressEnc", cipher.encrypt(personal.address(), sealed("address_enc", id)));
    return params;
  }

  private PersonalData personalData(ResultSet rs, UUID id) throws SQLException {
    String birthday = cipher.decrypt(rs.getBytes("birthday_enc"), sealed("birthday_enc", id));
    return new PersonalData(
        cipher.decrypt(rs.getBytes("phone_enc"), sealed("phone_enc", id)),
        cipher.decrypt(rs.getBytes("email_enc"), sealed("email_enc", id)),
        cipher.decrypt(rs.getBytes("id_card_enc"), sealed("id_card_enc", id)),
        birthday == null ? null : LocalDate.parse(birthday),
        cipher.decrypt(rs.getBytes("address_enc"), sealed("address_enc", id)));
  }

  @Override
  public String table() {
    return "customer";
  }

  @Override
  public List<String> columns() {
    return SEALED;
  }

  /**
   * Seals again the personal data of the next thousand customers (deleted ones too) that is not
   * sealed with the current key, with their blind indexes; the version stays, as nothing a user
   * sees changes.
   */
  @Override
  public @Nullable UUID resealAfter(@Nullable UUID after) {
    List<UUID> ids = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    jdbc.sql(
            """
            select id, phone_enc, email_enc, id_card_enc, birthday_enc, address_enc from customer
            where id > ? order by id limit ? for update
            """)
        .params(after == null ? new UUID(0, 0) : after, RESEALED_PER_BATCH)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              ids.add(id);
              if (!allCurrent(rs)) {
                Map<String, Object> p = sealedParameters(id, personalData(rs, id));
                updates.add(
                    new Object[] {
                      p.get("phoneEnc"),
                      p.get("phoneBidx"),
                      p.get("phoneTailBidx"),
                      p.get("emailEnc"),
                      p.get("emailBidx"),
                      p.get("idCardEnc"),
                      p.get("idCardBidx"),
                      p.get("birthdayEnc"),
                      p.get("addressEnc"),
                      id
                    });
              }
            });
    if (!updates.isEmpty()) {
      batchJdbc.batchUpdate(
          """
          update customer set phone_enc = ?, phone_bidx = ?, phone_tail_bidx = ?, email_enc = ?,
            email_bidx = ?, id_card_enc = ?, id_card_bidx = ?, birthday_enc = ?, address_enc = ?
          where id = ?
          """,
          updates);
    }
    return ids.isEmpty() ? null : ids.get(ids.size() - 1);
  }

  private boolean allCurrent(ResultSet rs) throws SQLException {
    for (String column : SEALED) {
      byte[] value = rs.getBytes(column);
      if (value != null && !cipher.isCurrent(value)) {
        return false;
      }
    }
    return true;
  }

  private Customer customer(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp deletedAt = rs.getTimestamp("deleted_at");
    return new Customer(
        id,
        CustomerKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getString("industry"),
        rs.getString("source"),
        rs.getString("city"),
        LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
        Classification.valueOf(rs.getString("classification")),
        strings(rs.getArray("tags")),
        rs.getString("preferences"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getObject("team_id", UUID.class),
        personalData(rs, id),
        JSON.readValue(rs.getString("custom_fields"), VALUES),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        deletedAt == null ? null : deletedAt.toInstant(),
        rs.getLong("version"),
        rs.getString("external_key"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }

  /** A customer to add in bulk, with the time it counts as created and its external key if any. */
  record Insertion(UUID id, Content content, Instant createdAt, @Nullable String externalKey) {

    Insertion(UUID id, Content content, Instant createdAt) {
      this(id, content, createdAt, null);
    }
  }

  /**
   * The columns {@link #insertAll} fills, by the names {@link #parameters} gives their values, and
   * their types.
   */
  private static final Map<String, String> BULK_COLUMNS = bulkColumns();

  /**
   * Inserts many customers with one statement, for imports: each column's values travel as one
   * array and PostgreSQL takes them apart again (unnest), so that there is no round trip, and no
   * statement text, per customer.
   */
  void insertAll(List<Insertion> customers) {
    insert(customers, false);
  }

  /**
   * Inserts the customers as {@link #insertAll} does, except those whose external key a customer
   * (not deleted) has by then — also one that another transaction gave it meanwhile: the insert
   * waits for that transaction and leaves the customer out once it committed. Answers the ids of
   * the customers inserted.
   */
  Set<UUID> insertAllWithUntakenKeys(List<Insertion> customers) {
    return new HashSet<>(insert(customers, true));
  }

  private List<UUID> insert(List<Insertion> customers, boolean skipTakenKeys) {
    if (customers.isEmpty()) {
      return List.of();
    }
    Map<String, String[]> columns = new HashMap<>();
    BULK_COLUMNS.keySet().forEach(name -> columns.put(name, new String[customers.size()]));
    for (int i = 0; i < customers.size(); i++) {
      Map<String, Object> values = parameters(customers.get(i).id(), customers.get(i).content());
      values.put("id", customers.get(i).id());
      values.put("createdAt", customers.get(i).createdAt().toString());
      values.put("externalKey", customers.get(i).externalKey());
      for (String name : BULK_COLUMNS.keySet()) {
        columns.get(name)[i] = arrayElement(values.get(name));
      }
    }
    StringBuilder arrays = new StringBuilder();
    StringBuilder names = new StringBuilder();
    BULK_COLUMNS.forEach(
        (name, type) -> {
          arrays
              .append(arrays.isEmpty() ? "" : ", ")
              .append("cast(:")
              .append(name)
              .append(" as ")
              .append(type.equals("text[]") ? "text" : type)
              .append("[])");
          names.append(names.isEmpty() ? "" : ", ").append(name);
        });
    JdbcClient.StatementSpec statement =
        jdbc.sql(
            """
        insert into customer (workspace_id, id, kind, name, industry, source, city, lifecycle_stage, classification,
          tags, preferences, owner_id, team_id, phone_enc, phone_bidx, phone_tail_bidx, email_enc, email_bidx,
          id_card_enc, id_card_bidx, birthday_enc, address_enc, search_name, search_latin, search_grams,
          name_keys, custom_fields, created_at, updated_at, external_key)
        select guanxi_current_workspace(), r.id, r.kind, r.name, r.industry, r.source, r.city, r.stage, r.classification,
          string_to_array(r.tags, chr(31)), r.preferences, r.ownerId, r.teamId, r.phoneEnc, r.phoneBidx,
          r.phoneTailBidx, r.emailEnc, r.emailBidx, r.idCardEnc, r.idCardBidx, r.birthdayEnc, r.addressEnc, r.searchName,
          r.searchLatin, string_to_array(r.searchGrams, chr(31)), cast(r.nameKeys as bigint[]), r.customFields,
          r.createdAt, r.createdAt, r.externalKey
        from unnest(%s) as r (%s)
        %s
        """
                .formatted(
                    arrays,
                    names,
                    skipTakenKeys
                        ? "on conflict (workspace_id, external_key)"
                            + " where deleted_at is null and external_key is not null do nothing"
                            + " returning id"
                        : "returning id"));
    for (Map.Entry<String, String[]> column : columns.entrySet()) {
      statement = statement.param(column.getKey(), column.getValue());
    }
    return statement.query(UUID.class).list();
  }

  /** Gives each of the columns named in {@code names}, apart by spaces, the same type. */
  private static void typed(Map<String, String> columns, String type, String names) {
    for (String name : names.split(" ")) {
      columns.put(name, type);
    }
  }

  private static Map<String, String> bulkColumns() {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    columns.put("id", "uuid");
    typed(columns, "text", "kind name industry source city stage classification preferences");
    columns.put("tags", "text[]");
    columns.put("ownerId", "uuid");
    columns.put("teamId", "uuid");
    typed(
        columns,
        "bytea",
        "phoneEnc phoneBidx phoneTailBidx emailEnc emailBidx idCardEnc idCardBidx birthdayEnc addressEnc");
    columns.put("searchName", "text");
    columns.put("searchLatin", "text");
    columns.put("searchGrams", "text[]");
    columns.put("nameKeys", "text");
    columns.put("customFields", "jsonb");
    columns.put("createdAt", "timestamptz");
    columns.put("externalKey", "text");
    return columns;
  }

  /** A value as an element of a text array: bytes in hex, lists joined by a control character. */
  private static @Nullable String arrayElement(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + java.util.HexFormat.of().formatHex(bytes);
    }
    if (value instanceof String[] list) {
      return String.join(UNIT_SEPARATOR, list);
    }
    if (value instanceof Long[] numbers) {
      return "{" + String.join(",", Arrays.stream(numbers).map(String::valueOf).toList()) + "}";
    }
    return value.toString();
  }

  /**
   * Joins the elements of a list in one array element; it is a control character, which no tag or
   * key holds.
   */
  private static final String UNIT_SEPARATOR = "\u001f";

  /**
   * A customer found by an external key (its own, or that of a customer merged into it): its id and
   * name, and whether the user may see it.
   */
  record Keyed(UUID id, String name, String externalKey, boolean visible) {}

  /**
   * The customers (not deleted) with these external keys, with one query through the key's index;
   * {@code visible} says whether the user may see each. A key no customer has finds the customer
   * that the last customer merged away with it was merged into (following merges of merges).
   */
  List<Keyed> byExternalKeys(CurrentUser user, java.util.Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    RecordAccess.Condition visibility = RecordAccess.visible(user, HOLDING);
    Map<String, Object> params = new HashMap<>(visibility.params());
    params.put("keys", keys.toArray(String[]::new));
    List<Keyed> found =
        new ArrayList<>(
            jdbc.sql(
                    "select c.id, c.name, c.external_key, ("
                        + visibility.sql()
                        + ") as visible from customer c "
                        + "where c.external_key = any(cast(:keys as text[])) and c.external_key is not null "
                        + "and c.deleted_at is null")
                .params(params)
                .query(Keyed.class)
                .list());
    Set<String> missing = new HashSet<>(keys);
    found.forEach(k -> missing.remove(k.externalKey()));
    if (!missing.isEmpty()) {
      params.put("keys", missing.toArray(String[]::new));
      found.addAll(
          jdbc.sql(
                  """
                  with recursive merged (external_key, merged_at, into_id, depth) as (
                    select m.external_key, m.deleted_at, m.merged_into, 1 from customer m
                    where m.external_key = any(cast(:keys as text[])) and m.external_key is not null
                      and m.merged_into is not null
                    union all
                    select merged.external_key, merged.merged_at, next.merged_into, merged.depth + 1
                    from merged join customer next on next.id = merged.into_id
                    where next.merged_into is not null and merged.depth < 100
                  )
                  select distinct on (merged.external_key) c.id, c.name, merged.external_key, ("""
                      + visibility.sql()
                      + """
                  ) as visible
                  from merged join customer c on c.id = merged.into_id
                  where c.deleted_at is null
                  order by merged.external_key, merged.merged_at desc
                  """)
              .params(params)
              .query(Keyed.class)
              .list());
    }
    return found;
  }

  /** Whether another customer (not deleted) has this external key. */
  boolean externalKeyTaken(String key, UUID except) {
    return jdbc.sql(
            "select exists (select 1 from customer where external_key = ? and deleted_at is null and id <> ?)")
        .params(key, except)
        .query(Boolean.class)
        .single();
  }

  /** Gives a customer its external key (none: null) when it is still at {@code expectedVersion}. */
  boolean setExternalKey(UUID id, long expectedVersion, @Nullable String key, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update customer set external_key = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and deleted_at is null
                """)
            .params(key, Timestamp.from(now), id, expectedVersion));
  }

  /**
   * Moves a merged duplicate to the recycle bin, pointing at the customer it was merged into; with
   * {@code keepExternalKey} false its external key is taken away (the survivor takes it over).
   */
  boolean markMerged(
      UUID id, long expectedVersion, UUID survivorId, boolean keepExternalKey, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update customer set deleted_at = ?, merged_into = ?, updated_at = ?, version = version + 1,
                  external_key = case when ? then external_key end
                where id = ? and version = ? and deleted_at is null
                """)
            .params(
                Timestamp.from(now),
                survivorId,
                Timestamp.from(now),
                keepExternalKey,
                id,
                expectedVersion));
  }

  /**
   * Gives a customer without an external key the key of a customer merged into it, within the
   * merge's version step.
   */
  boolean takeExternalKey(UUID id, String key) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update customer set external_key = ?
                where id = ? and external_key is null and deleted_at is null
                """)
            .params(key, id));
  }
}
