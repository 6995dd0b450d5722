package org.guanxi.crm.leads.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** A converted lead became a customer: it is not converted, changed or deleted again. */
@Refusal(
    status = HttpStatus.CONFLICT,
    code = "lead-already-converted",
    title = "Lead already converted")
class LeadAlreadyConverted extends Refused {

  /** The problem carries the customer the lead became as {@code customerId}. */
  LeadAlreadyConverted(UUID leadId, UUID customerId) {
    super(
        "The lead " + leadId + " was converted into the customer " + customerId,
        "customerId",
        customerId);
  }
}
