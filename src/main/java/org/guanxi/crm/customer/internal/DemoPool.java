package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The pool of a new demo workspace: customers return after 30 days without follow-up, and a handful
 * of demo customers are in the pools already, each for another reason.
 */
@Component
class DemoPool {

  static final int RETURN_AFTER_DAYS = 30;
  static final int POOLED = 9;

  private record Owned(UUID id, UUID ownerId, long version) {}

  private final PoolStore pool;
  private final PoolSettingsStore settings;
  private final CustomerTimeline timeline;
  private final JdbcClient jdbc;
  private final Clock clock;

  DemoPool(
      PoolStore pool,
      PoolSettingsStore settings,
      CustomerTimeline timeline,
      JdbcClient jdbc,
      Clock clock) {
    this.pool = pool;
    this.settings = settings;
    this.timeline = timeline;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  void fill() {
    settings.save(new PoolSettings(RETURN_AFTER_DAYS, 100, true, 0L), 0);
    List<Owned> oldest =
        jdbc.sql(
                """
                select id, owner_id, version from customer
                where owner_id is not null and deleted_at is null and classification <> 'KEY_ACCOUNT'
                order by created_at, id limit :count
                """)
            .param("count", POOLED)
            .query(
                (rs, n) ->
                    new Owned(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
            .list();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    PoolReason[] reasons = PoolReason.values();
    for (int i = 0; i < oldest.size(); i++) {
      Owned customer = oldest.get(i);
      PoolReason reason = reasons[i % reasons.length];
      pool.putBack(customer.id(), customer.version(), customer.ownerId(), reason, now)
          .ifPresent(
              moved -> {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("reason", reason.name());
                if (moved.formerOwnerName() != null) {
                  detail.put("formerOwner", moved.formerOwnerName());
                }
                if (moved.poolTeamName() != null) {
                  detail.put("poolTeam", moved.poolTeamName());
                  detail.put("poolTeamId", String.valueOf(moved.poolTeamId()));
                }
                if (reason == PoolReason.NO_FOLLOW_UP) {
                  detail.put("days", RETURN_AFTER_DAYS);
                  detail.put(
                      "lastFollowUp", now.minus(RETURN_AFTER_DAYS, ChronoUnit.DAYS).toString());
                } else {
                  detail.put("note", "演示 Demo");
                }
                timeline.add(
                    customer.id(),
                    now,
                    CustomerPool.RETURNED,
                    reason == PoolReason.NO_FOLLOW_UP ? null : moved.formerOwnerName(),
                    detail);
              });
    }
  }
}
