package org.guanxi.crm.interaction.internal;

import java.time.Clock;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.MergedCustomers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's interactions follow it to the survivor once the merge is committed (a module
 * listener, retried until it succeeds; a second run moves nothing more), with their contacts, which
 * the merge moves too.
 */
@Component
class InteractionCustomerMerge {

  private final JdbcClient jdbc;
  private final Clock clock;

  InteractionCustomerMerge(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    MergedCustomers.moveToSurvivor(
        jdbc, "interaction", merged.duplicateId(), merged.survivorId(), clock.instant());
  }
}
