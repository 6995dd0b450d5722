package org.guanxi.crm.keyaccounts.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.guanxi.crm.customer.CustomerMerged;
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

  private final KeyAccountPlanStore store;
  private final Clock clock;

  KeyAccountPlanCustomerMerge(KeyAccountPlanStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    store.moveToSurvivor(
        merged.duplicateId(), merged.survivorId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
