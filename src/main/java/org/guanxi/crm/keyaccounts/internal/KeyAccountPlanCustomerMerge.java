package org.guanxi.crm.keyaccounts.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.MergedCustomers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's key-account plans follow it to the survivor once the merge is committed (a
 * module listener, retried until it succeeds; a second run moves nothing more), for the years the
 * survivor has no plan of its own; the others stay with the duplicate in the recycle bin, where a
 * restore finds them again.
 */
@Component
class KeyAccountPlanCustomerMerge {

  private final JdbcClient jdbc;
  private final Clock clock;

  KeyAccountPlanCustomerMerge(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    MergedCustomers.moveToSurvivor(
        jdbc,
        "sales_key_account_plan",
        merged.duplicateId(),
        merged.survivorId(),
        clock.instant().truncatedTo(ChronoUnit.MICROS),
        "not exists (select 1 from sales_key_account_plan s"
            + " where s.customer_id = :survivor and s.year = sales_key_account_plan.year)");
  }
}
