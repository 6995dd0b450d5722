package org.guanxi.crm.opportunities.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.ChildRows;
import org.guanxi.crm.platform.Holding;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlText;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deals, their lines and the stages they went through, in PostgreSQL; reads are limited to the
 * deals the user may see in the query itself. The forecast's sums follow every write through a
 * trigger (V61).
 */
@Repository
class OpportunityStore {

  /**
   * Who holds a deal, on a table with {@code owner_id} and {@code team_id} under {@code alias}
   * (deals, and the forecast's sums of them): its owner, and the team it was given with, whoever
   * owns it now. A deal's visibility follows its owner, not its customer's.
   */
  static Holding holding(String alias) {
    return Holding.ownedBy(alias + ".owner_id").heldByTeam(alias + ".team_id");
  }

  private static final String SELECT =
      """
      select o.id, o.name, o.customer_id, c.name as customer_name, o.lead_id, o.pipeline_id, o.stage_id,
        s.name as stage_name, o.status, o.owner_id, o.team_id, o.amount, o.currency, o.probability,
        o.expected_close_date, o.next_step, o.competitors, o.description, o.stage_entered_at, o.closed_at,
        o.closed_on, o.won_reason, o.lost_reason, o.lost_note, o.order_id, o.created_at, o.updated_at, o.version
      from opportunity o
      join customer_directory c on c.workspace_id = o.workspace_id and c.id = o.customer_id
      join pipeline_stage s on s.workspace_id = o.workspace_id and s.id = o.stage_id
      """;

  /** A deal's content, ready to be stored: its lines priced and its amount settled. */
  record Content(
      String name,
      UUID customerId,
      @Nullable UUID leadId,
      UUID pipelineId,
      UUID stageId,
      UUID ownerId,
      @Nullable UUID teamId,
      BigDecimal amount,
      String currency,
      int probability,
      LocalDate expectedCloseDate,
      @Nullable String nextStep,
      List<String> competitors,
      @Nullable String description,
      List<Opportunity.Line> lines) {}

  /** How a deal ends. */
  record Closing(
      OpportunityStatus status,
      int probability,
      LocalDate closedOn,
      int cycleDays,
      @Nullable String wonReason,
      @Nullable OpportunityLossReason lostReason,
      @Nullable String lostNote) {}

  /**
   * A deal's entry into a stage, by a move or a reopening: where to, its probability, who, when.
   */
  record Entering(UUID pipelineId, UUID stageId, int probability, UUID actor, Instant now) {

    /** The statement parameters of the entry into the stage of deal {@code id} at a version. */
    Map<String, Object> parameters(UUID id, long expectedVersion) {
      return Map.of(
          "id", id,
          "version", expectedVersion,
          "pipelineId", pipelineId,
          "stageId", stageId,
          "probability", probability,
          "now", Timestamp.from(now));
    }
  }

  record Page(List<Opportunity> items, @Nullable String nextCursor) {}

  private static final SqlPage.Keyset<Opportunity> NEWEST =
      SqlPage.Keyset.newestFirst("o.created_at", "o.id", Opportunity::createdAt, Opportunity::id);

  private static final String INSERT =
      """
      insert into opportunity (workspace_id, id, name, customer_id, lead_id, pipeline_id, stage_id, status,
        owner_id, team_id, amount, currency, probability, expected_close_date, next_step, competitors,
        description, stage_entered_at, created_at, updated_at)
      values (guanxi_current_workspace(), :id, :name, :customerId, :leadId, :pipelineId, :stageId, 'OPEN',
        :ownerId, :teamId, :amount, :currency, :probability, :expectedCloseDate, :nextStep, :competitors,
        :description, :now, :now, :now)
      """;

  private static final String UPDATE =
      """
      update opportunity set name = :name, customer_id = :customerId, owner_id = :ownerId,
        team_id = :teamId, amount = :amount, currency = :currency, probability = :probability,
        expected_close_date = :expectedCloseDate, next_step = :nextStep, competitors = :competitors,
        description = :description
      """;

  /** The deals' product lines. */
  private static final ChildRows<Opportunity.Line> LINES =
      new ChildRows<>(
          Opportunity.Line.class,
          "opportunity_line",
          "opportunity_id",
          """
          select opportunity_id, position, product_id, description, quantity, unit_price, discount_percent, amount
          from opportunity_line where opportunity_id = any(?) order by opportunity_id, position
          """,
          """
          insert into opportunity_line (workspace_id, opportunity_id, position, product_id, description,
            quantity, unit_price, discount_percent, amount)
          values (guanxi_current_workspace(), :parent, :position, :productId, :description, :quantity,
            :unitPrice, :discountPercent, :amount)
          """);

  private final JdbcClient jdbc;

  OpportunityStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Opportunity> find(RecordAccess.Condition visible, UUID id) {
    return SqlWhere.of(visible)
        .and("o.id = :id", "id", id)
        .one(jdbc, SELECT, (rs, row) -> opportunity(rs))
        .map(o -> LINES.attach(jdbc, o, Opportunity::id, Opportunity::withLines));
  }

  Page list(RecordAccess.Condition visible, OpportunityQuery query) {
    SqlWhere where =
        SqlWhere.of(visible)
            .and("o.pipeline_id = :pipelineId", "pipelineId", query.pipelineId())
            .and("o.stage_id = :stageId", "stageId", query.stageId())
            .and("o.owner_id = :ownerId", "ownerId", query.ownerId())
            .and("o.status = :status", "status", query.status())
            .and("o.customer_id = :customerId", "customerId", query.customerId());
    SqlPage<Opportunity> page =
        where.page(jdbc, SELECT, NEWEST, query, (rs, row) -> opportunity(rs));
    return new Page(
        LINES.attach(jdbc, page.items(), Opportunity::id, Opportunity::withLines),
        page.nextCursor());
  }

  /**
   * A board column: the open deals of a stage, soonest expected close first. They are picked in the
   * index alone ({@code opportunity_open_by_stage_visible} holds owner and team), then read.
   */
  List<Opportunity> openInStage(RecordAccess.Condition visible, UUID stageId, int limit) {
    Map<String, Object> params = new HashMap<>(visible.params());
    params.put("stageId", stageId);
    params.put("limit", limit);
    return jdbc.sql(
            SELECT
                + " where o.id in (select o.id from opportunity o"
                + " where o.stage_id = :stageId and o.status = 'OPEN' and "
                + visible.sql()
                + " order by o.expected_close_date, o.id limit :limit)"
                + " order by o.expected_close_date, o.id")
        .params(params)
        .query((rs, row) -> opportunity(rs))
        .list();
  }

  /** The deals the user may see whose name holds {@code text}, the newest first. */
  List<Opportunity> named(RecordAccess.Condition visible, String text, int limit) {
    return SqlWhere.of(visible)
        .and("o.name ilike :text", "text", SqlText.likeAnywhere(text))
        .firstRows(
            jdbc, SELECT, "o.created_at desc, o.id desc", limit, (rs, row) -> opportunity(rs));
  }

  /**
   * The open deals the user may see expected to close from {@code from} to {@code to}, soonest
   * first.
   */
  List<Opportunity> openClosingBetween(
      RecordAccess.Condition visible, LocalDate from, LocalDate to, int limit) {
    return SqlWhere.of(visible)
        .and("o.status = 'OPEN'")
        .and("o.expected_close_date >= :from", "from", java.sql.Date.valueOf(from))
        .and("o.expected_close_date <= :to", "to", java.sql.Date.valueOf(to))
        .firstRows(
            jdbc, SELECT, "o.expected_close_date, o.id", limit, (rs, row) -> opportunity(rs));
  }

  void insert(UUID id, Content content, UUID actor, Instant now) {
    Map<String, Object> params = parameters(content);
    params.put("leadId", content.leadId());
    StoreWrites.insert(jdbc, INSERT, params, id, now);
    LINES.insert(jdbc, id, content.lines());
    enterStage(id, content.stageId(), actor, now);
  }

  /** Changes what the user may edit; a change of stage goes through {@link #move}. */
  boolean update(UUID id, long expectedVersion, Content content, Instant now) {
    return LINES.updateAtVersion(
        jdbc, UPDATE, parameters(content), id, expectedVersion, now, content.lines());
  }

  boolean move(UUID id, long expectedVersion, Entering entering) {
    boolean moved =
        StoreWrites.changedOne(
            jdbc.sql(
                    """
                    update opportunity set pipeline_id = :pipelineId, stage_id = :stageId, probability = :probability,
                      stage_entered_at = :now, updated_at = :now, version = version + 1
                    where id = :id and version = :version and status = 'OPEN'
                    """)
                .params(entering.parameters(id, expectedVersion)));
    if (moved) {
      leaveStage(id, entering.now());
      enterStage(id, entering.stageId(), entering.actor(), entering.now());
    }
    return moved;
  }

  boolean close(UUID id, long expectedVersion, Closing closing, Instant now) {
    boolean closed =
        StoreWrites.changedOne(
            jdbc.sql(
                    """
                    update opportunity set status = ?, probability = ?, closed_at = ?, closed_on = ?,
                      cycle_days = ?, won_reason = ?, lost_reason = ?, lost_note = ?, updated_at = ?,
                      version = version + 1
                    where id = ? and version = ? and status = 'OPEN'
                    """)
                .params(
                    closing.status().name(),
                    closing.probability(),
                    Timestamp.from(now),
                    Date.valueOf(closing.closedOn()),
                    closing.cycleDays(),
                    closing.wonReason(),
                    closing.lostReason() == null ? null : closing.lostReason().name(),
                    closing.lostNote(),
                    Timestamp.from(now),
                    id,
                    expectedVersion));
    if (closed) {
      leaveStage(id, now);
    }
    return closed;
  }

  boolean reopen(UUID id, long expectedVersion, Entering entering) {
    boolean reopened =
        StoreWrites.changedOne(
            jdbc.sql(
                    """
                    update opportunity set status = 'OPEN', pipeline_id = :pipelineId, stage_id = :stageId,
                      probability = :probability, stage_entered_at = :now, closed_at = null, closed_on = null,
                      cycle_days = null, won_reason = null, lost_reason = null, lost_note = null, updated_at = :now,
                      version = version + 1
                    where id = :id and version = :version and status <> 'OPEN' and order_id is null
                    """)
                .params(entering.parameters(id, expectedVersion)));
    if (reopened) {
      enterStage(id, entering.stageId(), entering.actor(), entering.now());
    }
    return reopened;
  }

  boolean linkOrder(UUID id, long expectedVersion, UUID orderId, Instant now) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update opportunity set order_id = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status = 'WON' and order_id is null
                """)
            .params(orderId, Timestamp.from(now), id, expectedVersion));
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from opportunity", id, expectedVersion);
  }

  /** The deals of a lead's conversion, for the lead's page. */
  List<UUID> idsOfLead(UUID leadId) {
    return jdbc.sql("select id from opportunity where lead_id = ? order by created_at")
        .param(leadId)
        .query(UUID.class)
        .list();
  }

  private void enterStage(UUID id, UUID stageId, UUID actor, Instant now) {
    jdbc.sql(
            """
            insert into opportunity_stage_visit (workspace_id, opportunity_id, position, stage_id, entered_at, moved_by)
            select guanxi_current_workspace(), :id,
              coalesce((select max(position) from opportunity_stage_visit where opportunity_id = :id), 0) + 1,
              :stageId, :now, :actor
            """)
        .param("id", id)
        .param("stageId", stageId)
        .param("now", Timestamp.from(now))
        .param("actor", actor)
        .update();
  }

  private void leaveStage(UUID id, Instant now) {
    jdbc.sql(
            "update opportunity_stage_visit set left_at = ? where opportunity_id = ? and left_at is null")
        .params(Timestamp.from(now), id)
        .update();
  }

  private static Map<String, Object> parameters(Content content) {
    Map<String, Object> params = new HashMap<>();
    params.put("name", content.name());
    params.put("customerId", content.customerId());
    params.put("pipelineId", content.pipelineId());
    params.put("stageId", content.stageId());
    params.put("ownerId", content.ownerId());
    params.put("teamId", content.teamId());
    params.put("amount", content.amount());
    params.put("currency", content.currency());
    params.put("probability", content.probability());
    params.put("expectedCloseDate", Date.valueOf(content.expectedCloseDate()));
    params.put("nextStep", content.nextStep());
    params.put("competitors", content.competitors().toArray(String[]::new));
    params.put("description", content.description());
    return params;
  }

  private static Opportunity opportunity(ResultSet rs) throws SQLException {
    Timestamp closedAt = rs.getTimestamp("closed_at");
    Date closedOn = rs.getDate("closed_on");
    String lostReason = rs.getString("lost_reason");
    Array competitors = rs.getArray("competitors");
    return new Opportunity(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getObject("customer_id", UUID.class),
        rs.getString("customer_name"),
        rs.getObject("lead_id", UUID.class),
        rs.getObject("pipeline_id", UUID.class),
        rs.getObject("stage_id", UUID.class),
        rs.getString("stage_name"),
        OpportunityStatus.valueOf(rs.getString("status")),
        rs.getObject("owner_id", UUID.class),
        null,
        rs.getObject("team_id", UUID.class),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getInt("probability"),
        rs.getDate("expected_close_date").toLocalDate(),
        rs.getString("next_step"),
        competitors == null ? List.of() : List.of((String[]) competitors.getArray()),
        rs.getString("description"),
        List.of(),
        rs.getTimestamp("stage_entered_at").toInstant(),
        closedAt == null ? null : closedAt.toInstant(),
        closedOn == null ? null : closedOn.toLocalDate(),
        rs.getString("won_reason"),
        lostReason == null ? null : OpportunityLossReason.valueOf(lostReason),
        rs.getString("lost_note"),
        rs.getObject("order_id", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
