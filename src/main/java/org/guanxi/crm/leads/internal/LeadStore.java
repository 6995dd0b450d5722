package org.guanxi.crm.leads.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.NameSearchKeys;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.Holding;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.ContactValues;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.PhoneAndEmailStore;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leads in PostgreSQL. Phone and e-mail are sealed on the way in, for their lead and column, and
 * opened on the way out; reads for a user are limited to the leads the user may see, in the query
 * itself. A key rotation seals them again through {@link #resealAfter}.
 */
@Repository
class LeadStore extends PhoneAndEmailStore {

  /**
   * Who holds a lead ({@code sales_lead l}): its owner, and the team it was given to while no one
   * owns it yet.
   */
  static final Holding HOLDING = Holding.ownedBy("l.owner_id").heldByTeamWhileUnowned("l.team_id");

  private static final String COLUMNS =
      """
      l.id, l.name, l.company, l.title, l.phone_enc, l.email_enc, l.source, l.city, l.industry, l.notes,
      l.status, l.disqualification_reason, l.owner_id,
      (select u.display_name from workspace_user u where u.id = l.owner_id) as owner_name, l.team_id,
      l.customer_id, l.converted_at, l.created_at, l.updated_at, l.version
      """;

  /**
   * A lead's normalised content, ready to be stored: the draft with its texts stripped, its phone
   * and e-mail checked, and its status and owner decided; and the team the lead is given to.
   */
  record Content(LeadDraft lead, LeadStatus status, @Nullable UUID teamId) {

    Content assignedTo(@Nullable UUID owner, @Nullable UUID team) {
      return new Content(lead.withOwner(owner), status, team);
    }
  }

  private static final SqlPage.Keyset<Lead> NEWEST =
      SqlPage.Keyset.newestFirst("l.created_at", "l.id", Lead::createdAt, Lead::id);

  private final JdbcClient jdbc;
  private final NameSearchKeys searchKeys;

  LeadStore(
      JdbcClient jdbc,
      FieldCipher cipher,
      BlindIndex blindIndex,
      NameSearchKeys searchKeys,
      NamedParameterJdbcTemplate batch) {
    super("sales_lead", 1_000, cipher, blindIndex, batch);
    this.jdbc = jdbc;
    this.searchKeys = searchKeys;
  }

  private static final String UPDATE =
      """
      update sales_lead set name = :name, company = :company, title = :title, phone_enc = :phoneEnc,
        phone_bidx = :phoneBidx, phone_tail_bidx = :phoneTailBidx, email_enc = :emailEnc,
        email_bidx = :emailBidx, source = :source, city = :city, industry = :industry, notes = :notes,
        status = :status, owner_id = :ownerId, team_id = :teamId, search_name = :searchName,
        search_latin = :searchLatin, search_grams = cast(:searchGrams as text[])
      """;

  private static final String INSERT =
      """
      insert into sales_lead (workspace_id, id, name, company, title, phone_enc, phone_bidx, phone_tail_bidx,
        email_enc, email_bidx, source, city, industry, notes, status, owner_id, team_id, search_name,
        search_latin, search_grams, created_at, updated_at)
      values (guanxi_current_workspace(), :id, :name, :company, :title, :phoneEnc, :phoneBidx, :phoneTailBidx,
        :emailEnc, :emailBidx, :source, :city, :industry, :notes, :status, :ownerId, :teamId, :searchName,
        :searchLatin, cast(:searchGrams as text[]), :now, :now)
      """;

  void insert(UUID id, Content content, Instant now) {
    jdbc.sql(INSERT).params(insertParameters(id, content, now)).update();
  }

  /** Stores many new leads in batches of statements, as an import does. */
  void insertAll(Map<UUID, Content> leads, Instant now) {
    SqlParameterSource[] rows =
        leads.entrySet().stream()
            .map(e -> new MapSqlParameterSource(insertParameters(e.getKey(), e.getValue(), now)))
            .toArray(SqlParameterSource[]::new);
    batch.batchUpdate(INSERT, rows);
  }

  private Map<String, Object> insertParameters(UUID id, Content content, Instant now) {
    Map<String, Object> params = parameters(id, content);
    params.put("id", id);
    params.put("now", Timestamp.from(now));
    return params;
  }

  /**
   * Writes the new content when the stored version is still {@code expectedVersion} and the lead is
   * not converted; false otherwise.
   */
  boolean update(UUID id, long expectedVersion, Content content, Instant now) {
    return StoreWrites.updateAtVersion(
        jdbc, UPDATE, "status <> 'CONVERTED'", parameters(id, content), id, expectedVersion, now);
  }

  /** Qualifies or disqualifies a lead that is still at {@code expectedVersion}. */
  boolean changeStatus(
      UUID id,
      long expectedVersion,
      LeadStatus status,
      @Nullable String disqualificationReason,
      Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update sales_lead set status = ?, disqualification_reason = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status <> 'CONVERTED'
                """)
            .params(
                status.name(), disqualificationReason, Timestamp.from(now), id, expectedVersion));
  }

  boolean markConverted(UUID id, long expectedVersion, UUID customerId, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update sales_lead set status = 'CONVERTED', customer_id = ?, converted_at = ?, updated_at = ?,
                  version = version + 1
                where id = ? and version = ? and status = 'QUALIFIED'
                """)
            .params(customerId, Timestamp.from(now), Timestamp.from(now), id, expectedVersion));
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql("delete from sales_lead where id = ? and version = ? and status <> 'CONVERTED'")
            .params(id, expectedVersion));
  }

  Optional<Lead> findVisible(CurrentUser user, UUID id) {
    return SqlWhere.visibleTo(user, HOLDING)
        .and("l.id = :id", "id", id)
        .one(jdbc, "select " + COLUMNS + " from sales_lead l", this::lead);
  }

  /** A lead of the current workspace, whoever may see it; for work done without a user. */
  Optional<Lead> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from sales_lead l where l.id = ?")
        .params(id)
        .query(this::lead)
        .optional();
  }

  LeadPage list(CurrentUser user, LeadQuery query) {
    SqlWhere where =
        SqlWhere.visibleTo(user, HOLDING)
            .and("l.status = :status", "status", query.status())
            .and("l.owner_id = :ownerId", "ownerId", query.ownerId())
            .and("l.source = :source", "source", FreeText.stripped(query.source()));
    if (query.q() != null && !query.q().isBlank()) {
      where.and(searchCondition(query.q().strip(), where.params()));
    }
    SqlPage<Lead> page =
        where.page(jdbc, "select " + COLUMNS + " from sales_lead l", NEWEST, query, this::lead);
    return new LeadPage(page.items(), page.nextCursor());
  }

  /**
   * One search box: an e-mail address, a phone number or a phone's last four digits through their
   * blind indexes (bytea {@code =}, which PostgreSQL may use an index for under row-level
   * security); anything else any part of the name or the company as the customer search finds it —
   * Chinese fragments in either script, pinyin in full or by initials, Latin words — through the
   * functions of migration V65, which use the name indexes despite row-level security.
   */
  private String searchCondition(String q, Map<String, Object> params) {
    if (q.contains("@")) {
      params.put("emailBidx", blindIndex.of(SensitiveField.EMAIL, q.toLowerCase(Locale.ROOT)));
      return "l.email_bidx = :emailBidx";
    }
    String digits = q.replaceAll("\\D", "");
    if (q.matches("[\\d\\s+()\\-]+") && digits.length() >= 4) {
      if (digits.length() == 4) {
        params.put("tailBidx", blindIndex.of(SensitiveField.PHONE_TAIL, digits));
        return "l.phone_tail_bidx = :tailBidx";
      }
      params.put("phoneBidx", blindIndex.of(SensitiveField.PHONE, ContactValues.phone("q", q)));
      return "l.phone_bidx = :phoneBidx";
    }
    NameSearchKeys.Match match = searchKeys.match(q);
    if (match.latinContains() != null) {
      params.put("like", SqlText.likeAnywhere(match.latinContains()));
      return "l.id = any(array(select guanxi_lead_ids_by_latin(:like)))";
    }
    params.put("grams", match.grams().toArray(String[]::new));
    params.put(
        "like", match.nameContains() == null ? "%" : SqlText.likeAnywhere(match.nameContains()));
    return "l.id = any(array(select guanxi_lead_ids_by_grams(cast(:grams as text[]), :like)))";
  }

  private Map<String, Object> parameters(UUID id, Content content) {
    LeadDraft lead = content.lead();
    Map<String, Object> params = sealed(id, lead.phone(), lead.email());
    params.put("name", lead.name());
    params.put("company", lead.company());
    params.put("title", lead.title());
    params.put("source", lead.source());
    params.put("city", lead.city());
    params.put("industry", lead.industry());
    params.put("notes", lead.notes());
    params.put("status", content.status().name());
    params.put("ownerId", lead.ownerId());
    params.put("teamId", content.teamId());
    NameSearchKeys.Keys keys = keys(lead.name(), lead.company());
    params.put("searchName", keys.name());
    params.put("searchLatin", keys.latin());
    params.put("searchGrams", keys.grams().toArray(String[]::new));
    return params;
  }

  /** What a lead is found by: its person's name and its company's, each keyed on its own. */
  NameSearchKeys.Keys keys(@Nullable String name, @Nullable String company) {
    NameSearchKeys.Keys none = new NameSearchKeys.Keys("", "", List.of());
    NameSearchKeys.Keys byName = name == null ? none : searchKeys.of(name);
    return company == null ? byName : byName.and(searchKeys.of(company));
  }

  /**
   * Up to {@code limit} leads of the current workspace stored without search keys (before migration
   * V65), as id, name and company.
   */
  List<Unkeyed> unkeyed(int limit) {
    return jdbc.sql(
            "select id, name, company from sales_lead where search_name is null order by id limit ?")
        .params(limit)
        .query(
            (rs, n) ->
                new Unkeyed(
                    rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("company")))
        .list();
  }

  record Unkeyed(UUID id, @Nullable String name, @Nullable String company) {}

  /** Stores a lead's search keys; derived data, so the version stays as it is. */
  void storeKeys(UUID id, NameSearchKeys.Keys keys) {
    jdbc.sql(
            """
            update sales_lead set search_name = ?, search_latin = ?, search_grams = cast(? as text[])
            where id = ?
            """)
        .params(keys.name(), keys.latin(), keys.grams().toArray(String[]::new), id)
        .update();
  }

  private Lead lead(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Timestamp convertedAt = rs.getTimestamp("converted_at");
    return new Lead(
        id,
        rs.getString("name"),
        rs.getString("company"),
        rs.getString("title"),
        opened(rs, "phone_enc", id),
        opened(rs, "email_enc", id),
        rs.getString("source"),
        rs.getString("city"),
        rs.getString("industry"),
        rs.getString("notes"),
        LeadStatus.valueOf(rs.getString("status")),
        rs.getString("disqualification_reason"),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getObject("team_id", UUID.class),
        rs.getObject("customer_id", UUID.class),
        convertedAt == null ? null : convertedAt.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
