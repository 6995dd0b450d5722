package org.guanxi.crm.privacy.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcAuditLog implements AuditLog {

  record AuditEntry(
      UUID id,
      Instant occurredAt,
      String actorName,
      String action,
      String subjectType,
      @Nullable UUID subjectId,
      String detail) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final JdbcClient jdbc;

  JdbcAuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void record(
      CurrentUser actor,
      AuditAction action,
      String subjectType,
      @Nullable UUID subjectId,
      Map<String, ?> detail) {
    jdbc.sql(
            """
            insert into audit_event (workspace_id, id, actor_id, actor_name, action, subject_type, subject_id, detail)
            values (guanxi_current_workspace(), ?, ?, ?, ?, ?, ?, cast(? as jsonb))
            """)
        .params(
            Ids.newId(),
            actor.id(),
            actor.username(),
            action.name(),
            subjectType,
            subjectId,
            JSON.writeValueAsString(detail))
        .update();
  }

  /** The newest entries first, before the given entry when paging on. */
  List<AuditEntry> recent(@Nullable UUID before, int limit) {
    return jdbc.sql(
            """
            select id, occurred_at, actor_name, action, subject_type, subject_id, detail::text from audit_event
            where (cast(:before as uuid) is null or (occurred_at, id) < (select occurred_at, id from audit_event where id = :before))
            order by occurred_at desc, id desc limit :limit
            """)
        .param("before", before)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getObject(1, UUID.class),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, UUID.class),
                    rs.getString(7)))
        .list();
  }
}
