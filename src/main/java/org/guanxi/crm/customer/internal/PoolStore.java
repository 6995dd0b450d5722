package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer pool in PostgreSQL. A customer is in the pool when it has no owner and a {@code
 * pooled_at}. Every move in or out is one conditional update, so that of two people moving the same
 * customer at once exactly one succeeds.
 */
@Repository
class PoolStore {

  private static final String COLUMNS =
      """
      c.id, c.kind, c.name, c.city, c.industry, c.lifecycle_stage, c.classification, c.pool_team_id,
      (select t.name from workspace_team t where t.id = c.pool_team_id) as pool_team_name, c.pooled_at, c.pool_reason,
      (select u.display_name from workspace_user u where u.id = c.pool_former_owner_id) as former_owner_name
      """;

  private static final String IN_POOL =
      "c.owner_id is null and c.pooled_at is not null and c.deleted_at is null";

  /** A customer the periodic check returned to the pool. */
  record Returned(
      UUID id,
      UUID formerOwnerId,
      @Nullable String formerOwnerName,
      Instant followedUpAt,
      @Nullable UUID poolTeamId,
      @Nullable String poolTeamName) {}

  /** A customer put back into the pool by a person, and the pool it went to. */
  record PutBack(
      @Nullable String formerOwnerName, @Nullable UUID poolTeamId, @Nullable String poolTeamName) {}

  /** A team whose pool a user sees. */
  record Team(UUID id, String name) {}

  /** The pool's list: the customers who came into a pool last first. */
  private static final SqlPage.Keyset<PoolCustomer> LATEST =
      SqlPage.Keyset.newestFirst("c.pooled_at", "c.id", PoolCustomer::pooledAt, PoolCustomer::id);

  private final JdbcClient jdbc;

  PoolStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The pools a user sees, as a condition on {@code customer c}: the general pool and those of the
   * user's teams (and the teams below them); every pool for the workspace-wide roles.
   */
  static String poolsSeenBy(CurrentUser user, String teamColumn, Map<String, Object> params) {
    RecordAccess.Condition pools = RecordAccess.pools(user, teamColumn);
    params.putAll(pools.params());
    return pools.sql();
  }

  Optional<PoolCustomer> findInPool(CurrentUser user, UUID id) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    String seen = poolsSeenBy(user, "c.pool_team_id", params);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from customer c where c.id = :id and "
                + IN_POOL
                + " and "
                + seen)
        .params(params)
        .query(PoolStore::poolCustomer)
        .optional();
  }

  /** The customer if it is in the pool, whichever pool that is. */
  Optional<PoolCustomer> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from customer c where c.id = :id and " + IN_POOL)
        .param("id", id)
        .query(PoolStore::poolCustomer)
        .optional();
  }

  PoolPage list(CurrentUser user, PoolQuery query) {
    SqlWhere where = new SqlWhere(IN_POOL, Map.of());
    where.and(poolsSeenBy(user, "c.pool_team_id", where.params()));
    if (query.general()) {
      where.and("c.pool_team_id is null");
    } else {
      where.and("c.pool_team_id = :teamId", "teamId", query.teamId());
    }
    where.and("c.pool_reason = :reason", "reason", query.reason());
    if (query.q() != null && !query.q().isBlank()) {
      where.and(CustomerStore.nameCondition(query.q().strip(), where.params()));
    }
    SqlPage<PoolCustomer> page =
        where.page(
            jdbc, "select " + COLUMNS + " from customer c", LATEST, query, PoolStore::poolCustomer);
    return new PoolPage(page.items(), page.nextCursor());
  }

  /** The teams whose pools the user sees, by name (the general pool is not a team). */
  List<Team> teamsSeenBy(CurrentUser user) {
    Map<String, Object> params = new HashMap<>();
    String seen = poolsSeenBy(user, "t.id", params);
    return jdbc.sql("select t.id, t.name from workspace_team t where " + seen + " order by t.name")
        .params(params)
        .query((rs, n) -> new Team(rs.getObject("id", UUID.class), rs.getString("name")))
        .list();
  }

  /**
   * Whether the customer, no longer in the pool, was taken from a pool the user sees: the timeline
   * says so. Someone who was beaten to a customer learns that it was claimed; a customer the user
   * never could have claimed stays unknown.
   */
  boolean leftPoolSeenBy(CurrentUser user, UUID id) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    String seen = poolsSeenBy(user, "cast(t.detail ->> 'poolTeamId' as uuid)", params);
    return jdbc.sql(
            """
            select exists (
              select 1 from customer_timeline t join customer c on c.id = t.customer_id
              where t.customer_id = :id and c.pooled_at is null and c.deleted_at is null
                and t.kind in ('POOL_CLAIMED', 'POOL_ASSIGNED') and %s)
            """
                .formatted(seen))
        .params(params)
        .query(Boolean.class)
        .single();
  }

  /** How many customers the user owns (not deleted). */
  int ownedBy(UUID userId) {
    return jdbc.sql(
            "select count(*) from customer c where c.owner_id = :owner and c.deleted_at is null")
        .param("owner", userId)
        .query(Integer.class)
        .single();
  }

  /**
   * Holds, until the transaction ends, the lock on the user's claims: two claims of the same user
   * count the customers the user owns one after the other, so that together they cannot pass the
   * limit.
   */
  void lockClaimsOf(UUID userId) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('customer-pool-claim:' || :user, 0))")
        .param("user", userId.toString())
        .query((rs, n) -> 0)
        .list();
  }

  /**
   * Gives a customer of a pool the user sees to {@code ownerId}; false when it is no longer in such
   * a pool (someone else took it first).
   */
  boolean take(CurrentUser user, UUID id, UUID ownerId, @Nullable UUID ownerTeamId, Instant now) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("owner", ownerId);
    params.put("team", ownerTeamId);
    params.put("now", Timestamp.from(now));
    String seen = poolsSeenBy(user, "c.pool_team_id", params);
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                update customer c set owner_id = :owner, team_id = :team, pooled_at = null,
                  pool_team_id = null, pool_reason = null, pool_former_owner_id = null,
                  followed_up_at = :now, updated_at = :now, version = c.version + 1
                where c.id = :id and %s and %s
                """
                    .formatted(IN_POOL, seen))
            .params(params));
  }

  /**
   * Puts a customer back into the pool of its owner's team (the general pool when the owner has no
   * team), if it is still at {@code expectedVersion} and owned by {@code ownerId}; empty otherwise.
   * Shares end: whoever claims the customer next decides whom to share it with.
   */
  Optional<PutBack> putBack(
      UUID id, long expectedVersion, UUID ownerId, PoolReason reason, Instant now) {
    Optional<PutBack> moved =
        jdbc.sql(
                """
                update customer c set owner_id = null,
                  pool_team_id = (select u.team_id from workspace_user u where u.id = c.owner_id),
                  team_id = (select u.team_id from workspace_user u where u.id = c.owner_id),
                  pooled_at = :now, pool_reason = :reason, pool_former_owner_id = c.owner_id,
                  updated_at = :now, version = c.version + 1
                where c.id = :id and c.version = :version and c.owner_id = :owner and c.deleted_at is null
                returning (select u.display_name from workspace_user u where u.id = c.pool_former_owner_id),
                  c.pool_team_id, (select t.name from workspace_team t where t.id = c.pool_team_id)
                """)
            .param("id", id)
            .param("version", expectedVersion)
            .param("owner", ownerId)
            .param("reason", reason.name())
            .param("now", Timestamp.from(now))
            .query(
                (rs, n) ->
                    new PutBack(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)))
            .optional();
    moved.ifPresent(m -> endShares(List.of(id)));
    return moved;
  }

  /**
   * The user's customers whose last follow-up is at or before {@code before} (they return to the
   * pool within the warning), the soonest first, each returning {@code period} after its last
   * follow-up; key accounts left out when they are exempt.
   */
  List<CustomerPool.ReturningSoon> ownedFollowedUpBefore(
      UUID ownerId, Instant before, Duration period, boolean keyAccountsExempt, int limit) {
    return jdbc.sql(
            """
            select c.id, c.name, c.followed_up_at from customer c
            where c.deleted_at is null and c.owner_id = :owner and c.followed_up_at <= :before
            """
                + (keyAccountsExempt ? " and c.classification <> 'KEY_ACCOUNT'" : "")
                + " order by c.followed_up_at, c.id limit :limit")
        .param("owner", ownerId)
        .param("before", java.sql.Timestamp.from(before))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new CustomerPool.ReturningSoon(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getTimestamp("followed_up_at").toInstant().plus(period)))
        .list();
  }

  /**
   * Returns up to {@code batch} customers whose follow-up is at or before {@code before} to the
   * pools of their owners' teams, locking only rows no one else holds (several nodes may run this
   * at once).
   */
  List<Returned> returnOverdue(Instant before, boolean keyAccountsExempt, Instant now, int batch) {
    List<Returned> returned =
        jdbc.sql(
                """
                with due as (
                  select c.id, c.owner_id, c.followed_up_at
                  from customer c
                  where c.deleted_at is null and c.owner_id is not null and c.followed_up_at <= :before
                    %s
                  order by c.followed_up_at
                  limit :batch
                  for update skip locked
                ), moved as (
                  update customer c set owner_id = null,
                    pool_team_id = (select u.team_id from workspace_user u where u.id = due.owner_id),
                    team_id = (select u.team_id from workspace_user u where u.id = due.owner_id),
                    pooled_at = :now, pool_reason = 'NO_FOLLOW_UP', pool_former_owner_id = due.owner_id,
                    updated_at = :now, version = c.version + 1
                  from due where c.id = due.id
                  returning c.id, due.owner_id, due.followed_up_at, c.pool_team_id
                )
                select m.id, m.owner_id, (select u.display_name from workspace_user u where u.id = m.owner_id),
                  m.followed_up_at, m.pool_team_id, (select t.name from workspace_team t where t.id = m.pool_team_id)
                from moved m
                """
                    .formatted(keyAccountsExempt ? "and c.classification <> 'KEY_ACCOUNT'" : ""))
            .param("before", Timestamp.from(before))
            .param("now", Timestamp.from(now))
            .param("batch", batch)
            .query(
                (rs, n) ->
                    new Returned(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getObject(5, UUID.class),
                        rs.getString(6)))
            .list();
    endShares(returned.stream().map(Returned::id).toList());
    return returned;
  }

  /** Where the customer stands with the pool; empty when there is no such customer. */
  Optional<PoolStatus> status(UUID id) {
    return jdbc.sql(
            """
            select c.owner_id, c.followed_up_at, c.pooled_at, c.pool_reason,
              (select t.name from workspace_team t where t.id = c.pool_team_id),
              (select u.display_name from workspace_user u where u.id = c.pool_former_owner_id)
            from customer c where c.id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) -> {
              Timestamp pooledAt = rs.getTimestamp(3);
              String reason = rs.getString(4);
              return new PoolStatus(
                  rs.getObject(1, UUID.class),
                  rs.getTimestamp(2).toInstant(),
                  pooledAt == null ? null : pooledAt.toInstant(),
                  reason == null ? null : PoolReason.valueOf(reason),
                  rs.getString(5),
                  rs.getString(6));
            })
        .optional();
  }

  private void endShares(List<UUID> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    jdbc.sql("delete from customer_share where customer_id = any(cast(:ids as uuid[]))")
        .param("ids", customerIds.stream().map(UUID::toString).toArray(String[]::new))
        .update();
  }

  private static PoolCustomer poolCustomer(ResultSet rs, int row) throws SQLException {
    return new PoolCustomer(
        rs.getObject("id", UUID.class),
        CustomerKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getString("city"),
        rs.getString("industry"),
        LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
        Classification.valueOf(rs.getString("classification")),
        rs.getObject("pool_team_id", UUID.class),
        rs.getString("pool_team_name"),
        rs.getTimestamp("pooled_at").toInstant(),
        PoolReason.valueOf(rs.getString("pool_reason")),
        rs.getString("former_owner_name"));
  }
}
