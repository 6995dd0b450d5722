package org.guanxi.crm.keyaccounts.internal;

import java.util.UUID;

/** A key customer has one plan per year: this year's already exists. */
class KeyAccountPlanExists extends RuntimeException {

  private final UUID planId;

  KeyAccountPlanExists(UUID customerId, int year, UUID planId) {
    super("The customer " + customerId + " already has the plan " + planId + " for " + year);
    this.planId = planId;
  }

  UUID planId() {
    return planId;
  }
}
