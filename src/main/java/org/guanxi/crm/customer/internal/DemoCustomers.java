package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fills a workspace with generated customers: a new demo workspace, or any number on request. */
@Component
class DemoCustomers {

  static final int DEMO_COUNT = 1_000;
  static final int BATCH = 2_000;
  static final long SEED = 20261123L;

  private final CustomerStore store;
  private final UserDirectory users;
  private final Clock clock;
  private final DemoPool pool;

  DemoCustomers(CustomerStore store, UserDirectory users, Clock clock, DemoPool pool) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.pool = pool;
  }

  @EventListener
  void on(WorkspaceCreated created) {
    if (created.demo()) {
      generate(DEMO_COUNT, SEED, done -> {});
      pool.fill();
    }
  }

  /**
   * Adds {@code count} generated customers to the current workspace, owned by its users other than
   * "admin", created over the past hours so that lists have a history; reports progress after each
   * batch.
   */
  void generate(int count, long seed, IntConsumer progress) {
    List<UserSummary> owners =
        users.activeUsers().stream().filter(u -> !u.username().equals("admin")).toList();
    if (owners.isEmpty()) {
      owners = users.activeUsers();
    }
    CustomerGenerator generator = new CustomerGenerator(seed);
    LocalDate today = LocalDate.now(clock);
    Instant start = clock.instant().minusSeconds(count);
    List<CustomerStore.Insertion> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < count; i++) {
      batch.add(
          new CustomerStore.Insertion(
              Ids.newId(), generator.next(owners, today), start.plusSeconds(i)));
      if (batch.size() == BATCH || i == count - 1) {
        store.insertAll(batch);
        batch.clear();
        progress.accept(i + 1);
      }
    }
  }
}
