package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerChanged;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customer pool (公海): customers nobody follows up return to the pool of their owner's team,
 * owners give customers back, managers reclaim them; reps claim customers from the pools of their
 * teams up to the workspace's limit, managers assign them. Every move is on the customer's
 * timeline, with its reason.
 */
@Service
class CustomerPool {

  static final String KIND = "pool customer";
  static final String RETURNED = "POOL_RETURNED";
  static final String CLAIMED = "POOL_CLAIMED";
  static final String ASSIGNED = "POOL_ASSIGNED";
  static final int MAX_NOTE = 500;
  private static final int BATCH = 1_000;

  private final PoolStore store;
  private final PoolSettingsStore settings;
  private final CustomerService customers;
  private final CustomerTimeline timeline;
  private final UserDirectory users;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CustomerPool(
      PoolStore store,
      PoolSettingsStore settings,
      CustomerService customers,
      CustomerTimeline timeline,
      UserDirectory users,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.customers = customers;
    this.timeline = timeline;
    this.users = users;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  PoolPage list(CurrentUser user, PoolQuery query) {
    return store.list(user, query);
  }

  List<PoolStore.Team> teams(CurrentUser user) {
    return store.teamsSeenBy(user);
  }

  /** How many customers the user owns, against the claim limit. */
  int owned(CurrentUser user) {
    return store.ownedBy(user.id());
  }

  PoolSettings settings() {
    return settings.current();
  }

  /** Where a customer the user sees stands with the pool. */
  PoolStatus status(CurrentUser user, UUID id) {
    customers.getEvenDeleted(user, id);
    return store.status(id).orElseThrow(() -> new RecordNotFound(CustomerService.KIND, id));
  }

  /**
   * The user takes a customer from a pool the user sees, if the user owns fewer customers than the
   * workspace's claim limit. {@link AlreadyClaimed} when someone else was quicker.
   */
  @Transactional
  Customer claim(CurrentUser user, UUID id) {
    PoolCustomer pooled = inPool(user, id);
    store.lockClaimsOf(user.id());
    int limit = settings.current().claimLimit();
    if (store.ownedBy(user.id()) >= limit) {
      throw new ClaimLimitReached(limit);
    }
    Instant now = now();
    if (!store.take(user, id, user.id(), user.teamId(), now)) {
      throw new AlreadyClaimed(id);
    }
    timeline.add(id, now, CLAIMED, user.displayName(), detail(pooled, null));
    events.publishEvent(new CustomerChanged(user.workspaceId(), id, user.id()));
    return customers.get(user, id);
  }

  /**
   * A manager or administrator gives a customer of a pool they see to someone they may give
   * customers to; the claim limit does not apply.
   */
  @Transactional
  Customer assign(CurrentUser user, UUID id, @Nullable UUID ownerId) {
    if (ownerId == null) {
      throw new InvalidInput("ownerId", "required", "Choose who gets the customer");
    }
    PoolCustomer pooled = inPool(user, id);
    UserSummary owner = users.assignableBy(user, ownerId, "customers");
    Instant now = now();
    if (!store.take(user, id, owner.id(), owner.teamId(), now)) {
      throw new AlreadyClaimed(id);
    }
    timeline.add(id, now, ASSIGNED, user.displayName(), detail(pooled, owner.displayName()));
    events.publishEvent(new CustomerChanged(user.workspaceId(), id, user.id()));
    return customers.get(user, id);
  }

  /**
   * Puts a customer the user sees back into the pool of its owner's team: its owner releases it, a
   * manager (of the owner's team) or administrator reclaims it. {@code note} says why.
   *
   * @return the customer as the pool shows it
   */
  @Transactional
  PoolCustomer release(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, @Nullable String note) {
    Customer current = customers.get(user, id);
    UUID ownerId = current.ownerId();
    if (ownerId == null) {
      throw new AlreadyInPool(id);
    }
    PoolReason reason = reasonFor(user, ownerId);
    String why = note == null ? "" : note.strip();
    if (why.isEmpty()) {
      throw new InvalidInput("reason", "required", "Say why the customer goes back to the pool");
    }
    if (why.length() > MAX_NOTE) {
      throw new InvalidInput("reason", "too-long", "At most " + MAX_NOTE + " characters");
    }
    long version = StaleVersion.check(CustomerService.KIND, expectedVersion, current.version());
    Instant now = now();
    PoolStore.PutBack moved =
        store
            .putBack(id, version, ownerId, reason, now)
            .orElseThrow(
                () -> new StaleVersion(CustomerService.KIND, customers.get(user, id).version()));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason.name());
    putIfPresent(detail, "formerOwner", moved.formerOwnerName());
    putIfPresent(detail, "poolTeam", moved.poolTeamName());
    putIfPresent(detail, "poolTeamId", moved.poolTeamId());
    detail.put("note", why);
    timeline.add(id, now, RETURNED, user.displayName(), detail);
    events.publishEvent(new CustomerChanged(user.workspaceId(), id, user.id()));
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /**
   * Whether the user may put this customer, which the user sees, back into the pool: its owner may,
   * and so may whoever manages the pool and may give customers to its owner.
   */
  boolean mayRelease(CurrentUser user, Customer customer) {
    UUID ownerId = customer.ownerId();
    if (ownerId == null || customer.deletedAt() != null) {
      return false;
    }
    try {
      reasonFor(user, ownerId);
      return true;
    } catch (AccessDeniedException e) {
      return false;
    }
  }

  /** How many days ahead the home page warns of a customer returning to the pool. */
  static final int RETURN_WARNING_DAYS = 7;

  /** A customer of the user's and when it returns to the pool unless followed up. */
  record ReturningSoon(UUID id, String name, Instant returnsAt) {}

  /**
   * The user's own customers that return to the pool within {@link #RETURN_WARNING_DAYS} days
   * unless followed up, soonest first; none when the workspace's customers never return.
   */
  List<ReturningSoon> returningSoon(CurrentUser user, int limit) {
    Instant now = clock.instant();
    PoolSettings rules = settings.current();
    Integer days = rules.returnAfterDays();
    if (days == null) {
      return List.of();
    }
    Duration period = Duration.ofDays(days);
    return store.ownedFollowedUpBefore(
        user.id(),
        now.plus(Duration.ofDays(RETURN_WARNING_DAYS)).minus(period),
        period,
        rules.exemptsKeyAccounts(),
        limit);
  }

  /**
   * Returns the customers of the current workspace whose owners have not followed them up for the
   * workspace's period by {@code now}, a thousand per transaction; none when the workspace has no
   * period. Several nodes may run it at once: each takes rows the others have not locked, and a
   * customer returned no longer qualifies. Returns how many customers returned.
   */
  int returnOverdue(Instant now) {
    PoolSettings rules = settings.current();
    Integer days = rules.returnAfterDays();
    if (days == null) {
      return 0;
    }
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    Instant before = at.minus(Duration.ofDays(days));
    int returned = 0;
    int batch;
    do {
      batch =
          transaction.execute(
              status -> {
                List<PoolStore.Returned> moved =
                    store.returnOverdue(before, rules.exemptsKeyAccounts(), at, BATCH);
                for (PoolStore.Returned customer : moved) {
                  Map<String, Object> detail = new LinkedHashMap<>();
                  detail.put("reason", PoolReason.NO_FOLLOW_UP.name());
                  putIfPresent(detail, "formerOwner", customer.formerOwnerName());
                  putIfPresent(detail, "poolTeam", customer.poolTeamName());
                  putIfPresent(detail, "poolTeamId", customer.poolTeamId());
                  detail.put("days", days);
                  detail.put("lastFollowUp", customer.followedUpAt().toString());
                  timeline.add(customer.id(), at, RETURNED, null, detail);
                }
                return moved.size();
              });
      returned += batch;
    } while (batch == BATCH);
    return returned;
  }

  private PoolReason reasonFor(CurrentUser user, UUID ownerId) {
    if (ownerId.equals(user.id())
        && (user.can(CustomerPermissions.CUSTOMER_POOL_CLAIM)
            || user.can(CustomerPermissions.CUSTOMER_POOL_MANAGE))) {
      return PoolReason.RELEASED;
    }
    if (user.can(CustomerPermissions.CUSTOMER_POOL_MANAGE)
        && users.find(ownerId).map(user::mayAssignTo).orElse(false)) {
      return PoolReason.RECLAIMED;
    }
    throw new AccessDeniedException("Only the owner or the owner's manager returns a customer");
  }

  /**
   * The customer in a pool the user sees; {@link AlreadyClaimed} when it left such a pool, {@link
   * RecordNotFound} when the user could never have claimed it.
   */
  private PoolCustomer inPool(CurrentUser user, UUID id) {
    return store
        .findInPool(user, id)
        .orElseThrow(
            () ->
                store.leftPoolSeenBy(user, id)
                    ? new AlreadyClaimed(id)
                    : new RecordNotFound(KIND, id));
  }

  private static Map<String, Object> detail(PoolCustomer pooled, @Nullable String owner) {
    Map<String, Object> detail = new LinkedHashMap<>();
    putIfPresent(detail, "owner", owner);
    putIfPresent(detail, "poolTeam", pooled.poolTeamName());
    putIfPresent(detail, "poolTeamId", pooled.poolTeamId());
    detail.put("reason", pooled.reason().name());
    return detail;
  }

  private static void putIfPresent(Map<String, Object> detail, String key, @Nullable Object value) {
    if (value != null) {
      detail.put(key, value.toString());
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
