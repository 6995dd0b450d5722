package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerLifecycleChanged;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.CustomerPurchase;
import org.guanxi.crm.platform.CustomerPurchaseBatch;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves customers along their lifecycle by {@link LifecyclePolicy}: at once when a purchase is
 * published, and by {@link #moveByTimeSincePurchase} for the customers whose last purchase has
 * grown old. Every move is on the customer's timeline with its cause, and published as {@link
 * CustomerLifecycleChanged}.
 */
@Service
class CustomerLifecycle {

  static final String TIMELINE_KIND = "LIFECYCLE_CHANGED";
  private static final int BATCH = 1_000;

  record Move(UUID customerId, LifecycleStage from, LifecycleStage to, Instant lastPurchase) {}

  private final JdbcClient jdbc;
  private final LifecycleSettingsStore settings;
  private final CustomerTimeline timeline;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CustomerLifecycle(
      JdbcClient jdbc,
      LifecycleSettingsStore settings,
      CustomerTimeline timeline,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.timeline = timeline;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Runs in the publisher's transaction: the order and the stage it caused commit together. */
  @EventListener
  void on(CustomerPurchase purchase) {
    if (!WorkspaceContext.current().map(purchase.workspaceId()::equals).orElse(false)) {
      throw new IllegalStateException("A purchase must be published in its own workspace");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Timestamp at = Timestamp.from(purchase.purchasedAt());
    LifecycleSettings periods = settings.current();
    Optional<Move> bought =
        jdbc.sql(
                """
                update customer c set purchase_count = c.purchase_count + 1,
                  first_purchase_at = least(coalesce(c.first_purchase_at, :at), :at),
                  last_purchase_at = greatest(coalesce(c.last_purchase_at, :at), :at)
                where c.id = :id and c.deleted_at is null
                returning c.id, c.lifecycle_stage, c.purchase_count, c.last_purchase_at
                """)
            .param("id", purchase.customerId())
            .param("at", at)
            .query(
                (rs, n) -> {
                  LifecycleStage current = LifecycleStage.valueOf(rs.getString("lifecycle_stage"));
                  Instant last = rs.getTimestamp("last_purchase_at").toInstant();
                  LifecycleStage next =
                      LifecyclePolicy.byTimeSincePurchase(
                          LifecyclePolicy.afterPurchase(current, rs.getInt("purchase_count")),
                          last,
                          now,
                          periods);
                  return new Move(purchase.customerId(), current, next, last);
                })
            .optional();
    bought
        .filter(move -> move.from() != move.to())
        .ifPresent(
            move -> {
              setStage(move, now);
              record(move, "PURCHASE", purchase.purchaseReference(), now);
            });
  }

  /**
   * Settles many customers' purchases at once (an import), in the publisher's transaction: the
   * customers are locked and read with one query and written with one, the stage moves and the
   * batch's activities go on their timelines with one statement each. A customer ends where the
   * same purchases one by one would have taken it, with one move instead of several.
   */
  @EventListener
  void on(CustomerPurchaseBatch batch) {
    if (!WorkspaceContext.current().map(batch.workspaceId()::equals).orElse(false)) {
      throw new IllegalStateException("Purchases must be published in their own workspace");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<UUID, CustomerPurchaseBatch.Purchases> bought = new HashMap<>();
    batch.purchases().stream()
        .filter(p -> p.count() > 0 && p.first() != null && p.last() != null)
        .forEach(p -> bought.put(p.customerId(), p));
    if (!bought.isEmpty()) {
      List<Move> moves = settle(bought, now);
      timeline.addEach(
          moves.stream().map(Move::customerId).toList(),
          now,
          TIMELINE_KIND,
          null,
          moves.stream().map(move -> change(move, "PURCHASE", batch.purchaseReference())).toList());
      moves.forEach(move -> publish(move, "PURCHASE", batch.purchaseReference(), now));
    }
    timeline.addEach(
        batch.purchases().stream().map(CustomerPurchaseBatch.Purchases::customerId).toList(),
        batch.occurredAt(),
        batch.activityKind(),
        batch.actorName(),
        batch.purchases().stream().map(CustomerPurchaseBatch.Purchases::activityDetail).toList());
  }

  /** Counts the purchases, notes their dates and moves the stages; returns the moves. */
  private List<Move> settle(Map<UUID, CustomerPurchaseBatch.Purchases> bought, Instant now) {
    LifecycleSettings periods = settings.current();
    List<String> ids = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    List<String> firsts = new ArrayList<>();
    List<String> lasts = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    jdbc.sql(
            """
            select id, lifecycle_stage, purchase_count, first_purchase_at, last_purchase_at from customer
            where id = any(cast(:ids as uuid[])) and deleted_at is null order by id for update
            """)
        .param("ids", bought.keySet().stream().map(UUID::toString).toArray(String[]::new))
        .query(
            (ResultSet rs) -> {
              UUID id = rs.getObject("id", UUID.class);
              CustomerPurchaseBatch.Purchases purchases = bought.get(id);
              LifecycleStage current = LifecycleStage.valueOf(rs.getString("lifecycle_stage"));
              int count = rs.getInt("purchase_count") + purchases.count();
              Instant first = earlier(rs.getTimestamp("first_purchase_at"), purchases.first());
              Instant last = later(rs.getTimestamp("last_purchase_at"), purchases.last());
              LifecycleStage next =
                  LifecyclePolicy.byTimeSincePurchase(
                      LifecyclePolicy.afterPurchase(current, count), last, now, periods);
              ids.add(id.toString());
              counts.add(String.valueOf(count));
              firsts.add(first.toString());
              lasts.add(last.toString());
              stages.add(next.name());
              if (next != current) {
                moves.add(new Move(id, current, next, last));
              }
            });
    jdbc.sql(
            """
            update customer c set purchase_count = u.purchase_count, first_purchase_at = u.first_at,
              last_purchase_at = u.last_at, lifecycle_stage = u.stage,
              version = c.version + case when c.lifecycle_stage = u.stage then 0 else 1 end,
              updated_at = case when c.lifecycle_stage = u.stage then c.updated_at else :now end
            from unnest(cast(:ids as uuid[]), cast(:counts as int[]), cast(:firsts as timestamptz[]),
              cast(:lasts as timestamptz[]), cast(:stages as text[])) as u (id, purchase_count, first_at, last_at, stage)
            where c.id = u.id
            """)
        .param("ids", ids.toArray(String[]::new))
        .param("counts", counts.toArray(String[]::new))
        .param("firsts", firsts.toArray(String[]::new))
        .param("lasts", lasts.toArray(String[]::new))
        .param("stages", stages.toArray(String[]::new))
        .param("now", Timestamp.from(now))
        .update();
    return moves;
  }

  private static Instant earlier(@Nullable Timestamp stored, Instant other) {
    return stored == null || other.isBefore(stored.toInstant()) ? other : stored.toInstant();
  }

  private static Instant later(@Nullable Timestamp stored, Instant other) {
    return stored == null || other.isAfter(stored.toInstant()) ? other : stored.toInstant();
  }

  /**
   * Puts at risk or loses the customers of the current workspace whose last purchase is old enough
   * by {@code now}, a thousand per transaction. Several nodes may run it at once: each takes rows
   * the others have not locked, and a row already moved no longer qualifies. Returns how many
   * customers moved.
   */
  int moveByTimeSincePurchase(Instant now) {
    int moved = 0;
    int batch;
    do {
      batch =
          transaction.execute(
              status -> {
                List<Move> moves = nextBatch(now);
                moves.forEach(
                    move ->
                        record(
                            move,
                            "NO_PURCHASE",
                            String.valueOf(Duration.between(move.lastPurchase(), now).toDays()),
                            now));
                return moves.size();
              });
      moved += batch;
    } while (batch == BATCH);
    return moved;
  }

  private List<Move> nextBatch(Instant now) {
    LifecycleSettings current = settings.current();
    Instant atRiskBefore = now.minus(Duration.ofDays(current.atRiskAfterDays()));
    Instant lostBefore = now.minus(Duration.ofDays(current.lostAfterDays()));
    return jdbc.sql(
            """
            with due as (
              select c.id, c.lifecycle_stage as before, c.last_purchase_at,
                     case when c.last_purchase_at <= :lostBefore then 'LOST' else 'AT_RISK' end as after
              from customer c
              where c.deleted_at is null and c.last_purchase_at is not null
                and c.lifecycle_stage in ('NEW', 'ACTIVE', 'AT_RISK')
                and c.last_purchase_at <= :atRiskBefore
                and not (c.lifecycle_stage = 'AT_RISK' and c.last_purchase_at > :lostBefore)
              limit :batch
              for update skip locked
            )
            update customer c set lifecycle_stage = due.after, version = c.version + 1, updated_at = :now
            from due where c.id = due.id
            returning c.id, due.before, due.after, due.last_purchase_at
            """)
        .param("atRiskBefore", Timestamp.from(atRiskBefore))
        .param("lostBefore", Timestamp.from(lostBefore))
        .param("batch", BATCH)
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new Move(
                    rs.getObject("id", UUID.class),
                    LifecycleStage.valueOf(rs.getString("before")),
                    LifecycleStage.valueOf(rs.getString("after")),
                    rs.getTimestamp("last_purchase_at").toInstant()))
        .list();
  }

  private void setStage(Move move, Instant now) {
    jdbc.sql(
            "update customer set lifecycle_stage = :to, version = version + 1, updated_at = :now where id = :id")
        .param("to", move.to().name())
        .param("now", Timestamp.from(now))
        .param("id", move.customerId())
        .update();
  }

  private void record(Move move, String cause, String causeDetail, Instant now) {
    timeline.add(move.customerId(), now, TIMELINE_KIND, null, change(move, cause, causeDetail));
    publish(move, cause, causeDetail, now);
  }

  private static Map<String, Object> change(Move move, String cause, String causeDetail) {
    return Map.of(
        "from",
        move.from().name(),
        "to",
        move.to().name(),
        "cause",
        cause,
        "causeDetail",
        causeDetail);
  }

  private void publish(Move move, String cause, String causeDetail, Instant now) {
    events.publishEvent(
        new CustomerLifecycleChanged(
            WorkspaceContext.current().orElseThrow(),
            move.customerId(),
            move.from(),
            move.to(),
            cause,
            causeDetail,
            now));
  }
}
