package org.guanxi.crm.keyaccounts.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.guanxi.crm.customer.CustomerMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's key-account plans follow it to the survivor, in the merge's transaction, for
 * the years the survivor has no plan of its own; the others stay with the duplicate in the recycle
 * bin, where a restore finds them again.
 */
@Component
class KeyAccountPlanCustomerMerge {

  private final KeyAccountPlanStore store;
  private final Clock clock;

  KeyAccountPlanCustomerMerge(KeyAccountPlanStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @EventListener
  void on(CustomerMerged merged) {
    store.moveToSurvivor(
        merged.duplicateId(), merged.survivorId(), clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
