package org.guanxi.crm.opportunities.internal;

import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.MergedCustomers;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged duplicate's deals follow it to the survivor once the merge is committed (a module
 * listener, retried until it succeeds; a second run moves nothing more).
 */
@Component
class OpportunityCustomerMerge {

  private final MergedCustomers customers;

  OpportunityCustomerMerge(MergedCustomers customers) {
    this.customers = customers;
  }

  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    customers.moveToSurvivor("opportunity", merged.duplicateId(), merged.survivorId());
  }
}
