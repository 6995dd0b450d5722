package org.guanxi.crm.keyaccounts.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Key-account plans in PostgreSQL: the plan row with its version, and its parts, which are written
 * again as a whole with every change of the plan (they keep their ids).
 */
@Repository
class KeyAccountPlanStore {

  /** A plan as the list shows it, without its parts. */
  record Listed(
      UUID id,
      UUID customerId,
      int year,
      @Nullable LocalDate nextReview,
      int openSteps,
      int overdueSteps,
      int teamSize,
      long version) {}

  /** Which plans a list shows, and where the previous page ended. */
  record Query(
      @Nullable UUID customerId,
      @Nullable Integer year,
      LocalDate today,
      @Nullable String cursor,
      int limit)
      implements SqlPage.Request {}

  /** A page of plans, soonest review first, and the cursor of the next page. */
  record Page(List<Listed> items, @Nullable String nextCursor) {}

  /** Plans without an open step sort after all others, on this day. */
  private static final LocalDate NO_REVIEW = LocalDate.of(9999, 12, 31);

  private static final SqlPage.Keyset<Listed> SOONEST_REVIEW =
      SqlPage.Keyset.byDate(
          "x.next_review",
          "x.id",
          false,
          plan -> plan.nextReview() == null ? NO_REVIEW : plan.nextReview(),
          Listed::id);

  private final JdbcClient jdbc;

  KeyAccountPlanStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new plan; false, and nothing stored, when its customer has a plan for its year. */
  boolean insert(KeyAccountPlan plan) {
    boolean inserted =
        StoreWrites.changedOne(
            jdbc.sql(
                    """
                insert into sales_key_account_plan (workspace_id, id, customer_id, year, created_by, created_at,
                  updated_at)
                values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?)
                on conflict (workspace_id, customer_id, year) do nothing
                """)
                .params(
                    plan.id(),
                    plan.customerId(),
                    plan.year(),
                    plan.createdBy(),
                    Timestamp.from(plan.createdAt()),
                    Timestamp.from(plan.updatedAt())));
    if (inserted) {
      insertParts(plan);
    }
    return inserted;
  }

  /**
   * Writes the plan's year and parts when the stored version is still {@code expectedVersion};
   * false otherwise, and nothing changed.
   */
  boolean replace(KeyAccountPlan plan, long expectedVersion) {
    boolean current =
        StoreWrites.changedOne(
            jdbc.sql(
                    """
                update sales_key_account_plan set year = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?
                """)
                .params(plan.year(), Timestamp.from(plan.updatedAt()), plan.id(), expectedVersion));
    if (!current) {
      return false;
    }
    for (String table :
        List.of(
            "sales_key_account_goal",
            "sales_key_account_stakeholder",
            "sales_key_account_member",
            "sales_key_account_step")) {
      jdbc.sql("delete from " + table + " where plan_id = ?").params(plan.id()).update();
    }
    insertParts(plan);
    return true;
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(
        jdbc, "delete from sales_key_account_plan", id, expectedVersion);
  }

  /** The plan of the current workspace with this id, whoever may see it. */
  Optional<KeyAccountPlan> find(UUID id) {
    return jdbc.sql("select * from sales_key_account_plan where id = ?")
        .params(id)
        .query(KeyAccountPlanStore::header)
        .optional()
        .map(
            h ->
                new KeyAccountPlan(
                    h.id(),
                    h.customerId(),
                    h.year(),
                    goals(h.id()),
                    stakeholders(h.id()),
                    team(h.id()),
                    steps(h.id()),
                    h.createdBy(),
                    h.createdAt(),
                    h.updatedAt(),
                    h.version()));
  }

  /** The plan row without its parts. */
  private record Header(
      UUID id,
      UUID customerId,
      int year,
      UUID createdBy,
      Instant createdAt,
      Instant updatedAt,
      long version) {}

  /** The plan of a customer for a year, if there is one. */
  Optional<UUID> idOf(UUID customerId, int year) {
    return jdbc.sql("select id from sales_key_account_plan where customer_id = ? and year = ?")
        .params(customerId, year)
        .query(UUID.class)
        .optional();
  }

  /** The plans whose customer the user may see, soonest next review first. */
  Page list(Customers.VisibleCustomers visible, Query query) {
    SqlWhere plans =
        new SqlWhere(visible.sql(), visible.params())
            .and("p.customer_id = :customerId", "customerId", query.customerId())
            .and("p.year = :year", "year", query.year())
            .param("today", Date.valueOf(query.today()))
            .param("noReview", Date.valueOf(NO_REVIEW));
    SqlPage<Listed> page =
        new SqlWhere("true", plans.params())
            .page(
                jdbc,
                """
            select * from (
              select p.id, p.customer_id, p.year, p.version,
                coalesce((select min(s.review_date) from sales_key_account_step s
                          where s.plan_id = p.id and not s.done), :noReview) as next_review,
                (select count(*) from sales_key_account_step s where s.plan_id = p.id and not s.done) as open_steps,
                (select count(*) from sales_key_account_step s
                 where s.plan_id = p.id and not s.done and s.review_date < :today) as overdue_steps,
                (select count(*) from sales_key_account_member m where m.plan_id = p.id) as team_size
              from sales_key_account_plan p
            """
                    + " where "
                    + plans
                    + ") x",
                SOONEST_REVIEW,
                query,
                (rs, n) -> {
                  LocalDate next = rs.getDate("next_review").toLocalDate();
                  return new Listed(
                      rs.getObject("id", UUID.class),
                      rs.getObject("customer_id", UUID.class),
                      rs.getInt("year"),
                      next.equals(NO_REVIEW) ? null : next,
                      rs.getInt("open_steps"),
                      rs.getInt("overdue_steps"),
                      rs.getInt("team_size"),
                      rs.getLong("version"));
                });
    return new Page(page.items(), page.nextCursor());
  }

  private void insertParts(KeyAccountPlan plan) {
    int position = 0;
    for (KeyAccountPlan.Goal goal : plan.goals()) {
      jdbc.sql(
              """
              insert into sales_key_account_goal (workspace_id, id, plan_id, position, description, target_amount,
                currency, status)
              values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              goal.id(),
              plan.id(),
              position++,
              goal.description(),
              goal.targetAmount(),
              goal.currency(),
              goal.status().name())
          .update();
    }
    position = 0;
    for (KeyAccountPlan.Stakeholder stakeholder : plan.stakeholders()) {
      jdbc.sql(
              """
              insert into sales_key_account_stakeholder (workspace_id, id, plan_id, position, name, title,
                buying_role, attitude, contact_id)
              values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              stakeholder.id(),
              plan.id(),
              position++,
              stakeholder.name(),
              stakeholder.title(),
              stakeholder.buyingRole().name(),
              stakeholder.attitude().name(),
              stakeholder.contactId())
          .update();
    }
    position = 0;
    for (KeyAccountPlan.Member member : plan.team()) {
      jdbc.sql(
              """
              insert into sales_key_account_member (workspace_id, plan_id, user_id, position, team_role)
              values (guanxi_current_workspace(), ?, ?, ?, ?)
              """)
          .params(plan.id(), member.userId(), position++, member.role().name())
          .update();
    }
    position = 0;
    for (KeyAccountPlan.Step step : plan.steps()) {
      jdbc.sql(
              """
              insert into sales_key_account_step (workspace_id, id, plan_id, position, description, owner_id,
                review_date, done, done_at)
              values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              step.id(),
              plan.id(),
              position++,
              step.description(),
              step.ownerId(),
              Date.valueOf(step.reviewDate()),
              step.done(),
              step.doneAt() == null ? null : Timestamp.from(step.doneAt()))
          .update();
    }
  }

  private static Header header(ResultSet rs, int row) throws SQLException {
    return new Header(
        rs.getObject("id", UUID.class),
        rs.getObject("customer_id", UUID.class),
        rs.getInt("year"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }

  private List<KeyAccountPlan.Goal> goals(UUID planId) {
    return jdbc.sql("select * from sales_key_account_goal where plan_id = ? order by position")
        .params(planId)
        .query(
            (rs, n) ->
                new KeyAccountPlan.Goal(
                    rs.getObject("id", UUID.class),
                    rs.getString("description"),
                    rs.getBigDecimal("target_amount"),
                    rs.getString("currency"),
                    KeyAccountPlan.GoalStatus.valueOf(rs.getString("status"))))
        .list();
  }

  private List<KeyAccountPlan.Stakeholder> stakeholders(UUID planId) {
    return jdbc.sql(
            "select * from sales_key_account_stakeholder where plan_id = ? order by position")
        .params(planId)
        .query(
            (rs, n) ->
                new KeyAccountPlan.Stakeholder(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("title"),
                    KeyAccountPlan.BuyingRole.valueOf(rs.getString("buying_role")),
                    KeyAccountPlan.Attitude.valueOf(rs.getString("attitude")),
                    rs.getObject("contact_id", UUID.class)))
        .list();
  }

  private List<KeyAccountPlan.Member> team(UUID planId) {
    return jdbc.sql(
            """
            select m.user_id, m.team_role, (select u.display_name from workspace_user u where u.id = m.user_id) as name
            from sales_key_account_member m where m.plan_id = ? order by m.position
            """)
        .params(planId)
        .query(
            (rs, n) ->
                new KeyAccountPlan.Member(
                    rs.getObject("user_id", UUID.class),
                    rs.getString("name"),
                    KeyAccountPlan.TeamRole.valueOf(rs.getString("team_role"))))
        .list();
  }

  private List<KeyAccountPlan.Step> steps(UUID planId) {
    return jdbc.sql(
            """
            select s.*, (select u.display_name from workspace_user u where u.id = s.owner_id) as owner_name
            from sales_key_account_step s where s.plan_id = ? order by s.position
            """)
        .params(planId)
        .query(
            (rs, n) -> {
              Timestamp doneAt = rs.getTimestamp("done_at");
              return new KeyAccountPlan.Step(
                  rs.getObject("id", UUID.class),
                  rs.getString("description"),
                  rs.getObject("owner_id", UUID.class),
                  rs.getString("owner_name"),
                  rs.getDate("review_date").toLocalDate(),
                  rs.getBoolean("done"),
                  doneAt == null ? null : doneAt.toInstant());
            })
        .list();
  }
}
