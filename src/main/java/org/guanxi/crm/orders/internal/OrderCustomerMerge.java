package org.guanxi.crm.orders.internal;

import java.time.Clock;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.MergedCustomers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's orders follow it to the survivor once the merge is committed (a module
 * listener, retried until it succeeds; a second run moves nothing more): they stay visible and
 * count towards the survivor's revenue.
 */
@Component
class OrderCustomerMerge {

  private final JdbcClient jdbc;
  private final Clock clock;

  OrderCustomerMerge(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    MergedCustomers.moveToSurvivor(
        jdbc, "sales_order", merged.duplicateId(), merged.survivorId(), clock.instant());
  }
}
