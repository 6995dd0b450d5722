package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** What happened to a customer, newest first. Entries name what changed, never personal data. */
@Repository
class CustomerTimeline {

  record Entry(
      Instant occurredAt, String kind, @Nullable String actorName, Map<String, Object> detail) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;

  CustomerTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(
      UUID customerId, Instant at, String kind, @Nullable String actorName, Map<String, ?> detail) {
    jdbc.sql(
            """
            insert into customer_timeline (workspace_id, id, customer_id, occurred_at, kind, actor_name, detail)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, cast(? as jsonb))
            """)
        .params(
            Ids.newId(),
            customerId,
            java.sql.Timestamp.from(at),
            kind,
            actorName,
            JSON.writeValueAsString(detail))
        .update();
  }

  @SuppressWarnings("unchecked")
  List<Entry> of(UUID customerId, int limit) {
    return jdbc.sql(
            "select occurred_at, kind, actor_name, detail::text from customer_timeline where customer_id = ? "
                + "order by occurred_at desc, id desc limit ?")
        .params(customerId, limit)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    JSON.readValue(rs.getString(4), Map.class)))
        .list();
  }

  /** An entry of its own for each of many customers, in one statement. */
  void addEach(
      List<UUID> customerIds,
      Instant at,
      String kind,
      @Nullable String actorName,
      List<? extends Map<String, ?>> details) {
    if (customerIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into customer_timeline (workspace_id, id, customer_id, occurred_at, kind, actor_name, detail)
            select guanxi_current_workspace(), e.id, e.customer_id, :at, :kind, :actorName, e.detail
            from unnest(cast(:ids as uuid[]), cast(:customerIds as uuid[]), cast(:details as jsonb[]))
              as e (id, customer_id, detail)
            """)
        .param("at", java.sql.Timestamp.from(at))
        .param("kind", kind)
        .param("actorName", actorName)
        .param("ids", customerIds.stream().map(id -> Ids.newId().toString()).toArray(String[]::new))
        .param("customerIds", customerIds.stream().map(UUID::toString).toArray(String[]::new))
        .param("details", details.stream().map(JSON::writeValueAsString).toArray(String[]::new))
        .update();
  }

  /** The same entry for many customers, in one statement. */
  void addAll(
      List<UUID> customerIds,
      Instant at,
      String kind,
      @Nullable String actorName,
      Map<String, ?> detail) {
    if (customerIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into customer_timeline (workspace_id, id, customer_id, occurred_at, kind, actor_name, detail)
            select guanxi_current_workspace(), ids.id, ids.customer_id, :at, :kind, :actorName, cast(:detail as jsonb)
            from unnest(cast(:ids as uuid[]), cast(:customerIds as uuid[])) as ids (id, customer_id)
            """)
        .param("at", java.sql.Timestamp.from(at))
        .param("kind", kind)
        .param("actorName", actorName)
        .param("detail", JSON.writeValueAsString(detail))
        .param("ids", customerIds.stream().map(id -> Ids.newId().toString()).toArray(String[]::new))
        .param("customerIds", customerIds.stream().map(UUID::toString).toArray(String[]::new))
        .update();
  }
}
