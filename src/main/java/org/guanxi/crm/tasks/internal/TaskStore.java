package org.guanxi.crm.tasks.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.Holding;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.guanxi.crm.tasks.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks in PostgreSQL. */
@Repository
class TaskStore {

  /** A task is its assignee's; the assignee's team holds it too, so that its managers see it. */
  static final Holding HOLDING = Holding.ownedBy("t.assignee_id").heldByTeam("t.team_id");

  /** {@code :now} is the workspace's local date and time, by which a task is overdue. */
  private static final String SELECT =
      """
      select t.id, t.title, t.description, t.due_on, t.due_time, t.priority, t.status, t.assignee_id,
        u.display_name as assignee_name, t.customer_id, c.name as customer_name, t.interaction_id,
        t.remind_minutes_before, t.reminded_at, t.completed_at,
        t.status = 'OPEN' and t.due_on + coalesce(t.due_time, time '24:00') <= cast(:now as timestamp) as overdue,
        t.created_by, t.created_at, t.updated_at, t.version
      from task t
      left join workspace_user u on u.workspace_id = t.workspace_id and u.id = t.assignee_id
      left join customer_directory c on c.workspace_id = t.workspace_id and c.id = t.customer_id
      """;

  /** Open tasks soonest due first (all-day ones at the end of their day), then done ones. */
  static final SqlPage.Keyset<Task> SOONEST_DUE =
      new SqlPage.Keyset<>(
          "t.due_on + coalesce(t.due_time, time '24:00')",
          "t.id",
          false,
          at -> Timestamp.valueOf(LocalDateTime.parse(at)),
          task ->
              task.dueTime() == null
                  ? task.dueOn().plusDays(1).atStartOfDay().toString()
                  : task.dueOn().atTime(task.dueTime()).toString(),
          Task::id);

  private final JdbcClient jdbc;

  TaskStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A task as it is stored, ready to be written. */
  record Row(
      String title,
      @Nullable String description,
      LocalDate dueOn,
      @Nullable LocalTime dueTime,
      Priority priority,
      UUID assigneeId,
      @Nullable UUID teamId,
      @Nullable UUID customerId,
      @Nullable Integer remindMinutesBefore,
      @Nullable Instant remindAt) {}

  /**
   * Adds the task; one a follow-up asked for ({@code interactionId}) only once, however often it is
   * asked (a listener run twice): true when it was added.
   */
  boolean insert(UUID id, Row row, @Nullable UUID interactionId, UUID createdBy, Instant now) {
    Map<String, Object> params = columns(row);
    params.put("id", id);
    params.put("interaction", interactionId);
    params.put("createdBy", createdBy);
    params.put("now", Timestamp.from(now));
    return jdbc.sql(
                """
                insert into task (workspace_id, id, title, description, due_on, due_time, priority, assignee_id,
                  team_id, customer_id, interaction_id, remind_minutes_before, remind_at, status, created_by,
                  created_at, updated_at)
                values (guanxi_current_workspace(), :id, :title, :description, :dueOn, :dueTime, :priority,
                  :assignee, :team, :customer, :interaction, :remindMinutes, :remindAt, 'OPEN', :createdBy, :now,
                  :now)
                on conflict (workspace_id, interaction_id) do nothing
                """)
            .params(params)
            .update()
        == 1;
  }

  /** Changes what the task is (a new reminder is sent again); false when it changed meanwhile. */
  boolean update(UUID id, long expectedVersion, Row row, Instant now) {
    return StoreWrites.updateAtVersion(
        jdbc,
        """
        update task set title = :title, description = :description, due_on = :dueOn, due_time = :dueTime,
          priority = :priority, assignee_id = :assignee, team_id = :team, customer_id = :customer,
          remind_minutes_before = :remindMinutes, remind_at = :remindAt,
          reminded_at = case when remind_at is distinct from :remindAt then null else reminded_at end
        """,
        columns(row),
        id,
        expectedVersion,
        now);
  }

  /** Marks the task done ({@code by}) or open again; false when it changed meanwhile. */
  boolean setDone(UUID id, long expectedVersion, boolean done, UUID by, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("done", done);
    params.put("by", by);
    return StoreWrites.updateAtVersion(
        jdbc,
        """
        update task set status = case when :done then 'DONE' else 'OPEN' end,
          completed_at = case when :done then cast(:now as timestamptz) end,
          completed_by = case when :done then cast(:by as uuid) end
        """,
        params,
        id,
        expectedVersion,
        now);
  }

  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from task", id, expectedVersion);
  }

  /** The task, if the user sees it. */
  Optional<Task> find(RecordAccess.Condition visible, UUID id, LocalDateTime now) {
    return SqlWhere.of(visible)
        .and("t.id = :id", "id", id)
        .param("now", Timestamp.valueOf(now))
        .one(jdbc, SELECT, (rs, n) -> task(rs));
  }

  /** What a list of tasks asks for: its filters and the page. */
  record Query(
      @Nullable UUID assigneeId,
      @Nullable UUID customerId,
      @Nullable TaskStatus status,
      @Nullable LocalDate dueFrom,
      @Nullable LocalDate dueTo,
      boolean overdueOnly,
      @Nullable String cursor,
      int limit)
      implements SqlPage.Request {}

  /** The tasks the user sees, soonest due first. */
  SqlPage<Task> list(RecordAccess.Condition visible, Query query, LocalDateTime now) {
    return SqlWhere.of(visible)
        .and("t.assignee_id = :assignee", "assignee", query.assigneeId())
        .and("t.customer_id = :customer", "customer", query.customerId())
        .and("t.status = :status", "status", query.status() == null ? null : query.status().name())
        .and("t.due_on >= :dueFrom", "dueFrom", date(query.dueFrom()))
        .and("t.due_on <= :dueTo", "dueTo", date(query.dueTo()))
        .and(
            query.overdueOnly()
                ? "t.status = 'OPEN' and t.due_on + coalesce(t.due_time, time '24:00') <= cast(:now as timestamp)"
                : "true")
        .param("now", Timestamp.valueOf(now))
        .page(jdbc, SELECT, SOONEST_DUE, query, (rs, n) -> task(rs));
  }

  /**
   * Claims the reminders due by {@code now} in the current workspace, at most {@code limit}: each
   * is marked reminded in the same statement, so that of two nodes checking at once only one gets
   * it.
   */
  List<Task> claimDueReminders(Instant now, LocalDateTime localNow, int limit) {
    List<UUID> ids =
        jdbc.sql(
                """
                update task set reminded_at = :now
                where id in (select id from task where status = 'OPEN' and reminded_at is null and remind_at <= :now
                             order by remind_at limit :limit for update skip locked)
                returning id
                """)
            .param("now", Timestamp.from(now))
            .param("limit", limit)
            .query(UUID.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    return SqlWhere.all()
        .and("t.id = any(:ids)", "ids", ids.toArray(UUID[]::new))
        .param("now", Timestamp.valueOf(localNow))
        .firstRows(jdbc, SELECT, "t.remind_at, t.id", ids.size(), (rs, n) -> task(rs));
  }

  private static Map<String, Object> columns(Row row) {
    Map<String, Object> params = new HashMap<>();
    params.put("title", row.title());
    params.put("description", row.description());
    params.put("dueOn", Date.valueOf(row.dueOn()));
    params.put("dueTime", row.dueTime() == null ? null : Time.valueOf(row.dueTime()));
    params.put("priority", row.priority().name());
    params.put("assignee", row.assigneeId());
    params.put("team", row.teamId());
    params.put("customer", row.customerId());
    params.put("remindMinutes", row.remindMinutesBefore());
    params.put("remindAt", row.remindAt() == null ? null : Timestamp.from(row.remindAt()));
    return params;
  }

  private static @Nullable Date date(@Nullable LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }

  private static Task task(ResultSet rs) throws SQLException {
    Time time = rs.getTime("due_time");
    Timestamp reminded = rs.getTimestamp("reminded_at");
    Timestamp completed = rs.getTimestamp("completed_at");
    return new Task(
        rs.getObject("id", UUID.class),
        rs.getString("title"),
        rs.getString("description"),
        rs.getDate("due_on").toLocalDate(),
        time == null ? null : time.toLocalTime(),
        Priority.valueOf(rs.getString("priority")),
        TaskStatus.valueOf(rs.getString("status")),
        rs.getObject("assignee_id", UUID.class),
        rs.getString("assignee_name"),
        rs.getObject("customer_id", UUID.class),
        rs.getString("customer_name"),
        rs.getObject("interaction_id", UUID.class),
        rs.getObject("remind_minutes_before", Integer.class),
        reminded == null ? null : reminded.toInstant(),
        completed == null ? null : completed.toInstant(),
        rs.getBoolean("overdue"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
