package org.guanxi.crm.opportunities.internal;

import java.time.Clock;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.MergedCustomers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's deals follow it to the survivor once the merge is committed (a module
 * listener, retried until it succeeds; a second run moves nothing more).
 */
@Component
class OpportunityCustomerMerge {

  private final JdbcClient jdbc;
  private final Clock clock;

  OpportunityCustomerMerge(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    MergedCustomers.moveToSurvivor(
        jdbc, "opportunity", merged.duplicateId(), merged.survivorId(), clock.instant());
  }
}
