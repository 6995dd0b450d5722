package org.guanxi.crm.opportunities.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.Holding;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sales targets in PostgreSQL. */
@Repository
class SalesTargetStore {

  /** A target is its rep's; the rep's team holds it too, so that its managers see it. */
  static final Holding HOLDING = Holding.ownedBy("t.user_id").heldByTeam("t.team_id");

  private static final String SELECT =
      """
      select t.id, t.user_id, u.display_name, t.month, t.amount, t.currency, t.version from sales_target t
      left join workspace_user u on u.workspace_id = t.workspace_id and u.id = t.user_id
      """;

  private final JdbcClient jdbc;

  SalesTargetStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the target unless the rep has one for the month; the id of the one there otherwise. */
  Optional<UUID> insert(
      UUID id,
      SalesTargetDraft target,
      String currency,
      @Nullable UUID teamId,
      UUID by,
      Instant now) {
    int added =
        jdbc.sql(
                """
                insert into sales_target (workspace_id, id, user_id, team_id, month, amount, currency, set_by,
                  created_at, updated_at)
                values (guanxi_current_workspace(), :id, :user, :team, :month, :amount, :currency, :by, :now, :now)
                on conflict (workspace_id, user_id, month) do nothing
                """)
            .params(
                Map.of(
                    "id", id,
                    "user", target.userId(),
                    "month", Date.valueOf(target.month().atDay(1)),
                    "amount", target.amount(),
                    "currency", currency,
                    "by", by,
                    "now", java.sql.Timestamp.from(now)))
            .param("team", teamId)
            .update();
    if (added == 1) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("select id from sales_target where user_id = ? and month = ?")
            .params(target.userId(), Date.valueOf(target.month().atDay(1)))
            .query(UUID.class)
            .single());
  }

  /** Changes the amount and currency while at {@code expectedVersion}; false when it changed. */
  boolean update(
      UUID id, long expectedVersion, SalesTargetDraft target, String currency, Instant now) {
    return StoreWrites.updateAtVersion(
        jdbc,
        "update sales_target set amount = :amount, currency = :currency",
        Map.of("amount", target.amount(), "currency", currency),
        id,
        expectedVersion,
        now);
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from sales_target", id, expectedVersion);
  }

  Optional<SalesTarget> find(RecordAccess.Condition visible, UUID id) {
    return SqlWhere.of(visible)
        .and("t.id = :id", "id", id)
        .one(jdbc, SELECT, (rs, n) -> target(rs));
  }

  /** The targets the user sees of a month (of one rep when asked), by rep. */
  List<SalesTarget> ofMonth(
      RecordAccess.Condition visible, YearMonth month, @Nullable UUID userId) {
    SqlWhere where =
        SqlWhere.of(visible)
            .and("t.month = :month", "month", Date.valueOf(month.atDay(1)))
            .and("t.user_id = :user", "user", userId);
    return jdbc.sql(SELECT + " where " + where.sql() + " order by u.display_name, t.id")
        .params(where.params())
        .query((rs, n) -> target(rs))
        .list();
  }

  private static SalesTarget target(ResultSet rs) throws SQLException {
    return new SalesTarget(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("display_name"),
        YearMonth.from(rs.getDate("month").toLocalDate()),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getLong("version"));
  }
}
