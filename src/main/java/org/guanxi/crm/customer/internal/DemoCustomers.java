package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Fills a new demo workspace with customers, owned by its demo accounts. */
@Component
class DemoCustomers {

  static final int COUNT = 1_000;

  private final CustomerStore store;
  private final UserDirectory users;
  private final Clock clock;

  DemoCustomers(CustomerStore store, UserDirectory users, Clock clock) {
    this.store = store;
    this.users = users;
    this.clock = clock;
  }

  @EventListener
  void on(WorkspaceCreated created) {
    if (!created.demo()) {
      return;
    }
    List<UserSummary> owners = users.activeUsers().stream().filter(u -> !u.username().equals("admin")).toList();
    CustomerGenerator generator = new CustomerGenerator(20261123L);
    LocalDate today = LocalDate.now(clock);
    for (int i = 0; i < COUNT; i++) {
      store.insert(Ids.newId(), generator.next(owners, today), clock.instant().minusSeconds((COUNT - i) * 3600L));
    }
  }
}
