package org.guanxi.crm.leads.internal;

import java.util.UUID;

/** A converted lead became a customer: it is not converted, changed or deleted again. */
class LeadAlreadyConverted extends RuntimeException {

  private final UUID customerId;

  LeadAlreadyConverted(UUID leadId, UUID customerId) {
    super("The lead " + leadId + " was converted into the customer " + customerId);
    this.customerId = customerId;
  }

  UUID customerId() {
    return customerId;
  }
}
