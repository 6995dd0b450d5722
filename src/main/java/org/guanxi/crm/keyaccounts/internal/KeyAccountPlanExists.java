package org.guanxi.crm.keyaccounts.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** A key customer has one plan per year: this year's already exists. */
@Refusal(
    status = HttpStatus.CONFLICT,
    code = "key-account-plan-exists",
    title = "The customer has a plan for this year")
class KeyAccountPlanExists extends Refused {

  private final UUID planId;

  KeyAccountPlanExists(UUID customerId, int year, UUID planId) {
    super(
        "The customer " + customerId + " already has the plan " + planId + " for " + year,
        "planId",
        planId);
    this.planId = planId;
  }

  UUID planId() {
    return planId;
  }
}
