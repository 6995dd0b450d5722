package org.guanxi.crm.leads.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** Only a qualified lead is converted into a customer. */
@Refusal(status = HttpStatus.CONFLICT, code = "lead-not-qualified", title = "Lead not qualified")
class LeadNotQualified extends Refused {

  LeadNotQualified(UUID leadId, LeadStatus status) {
    super("The lead " + leadId + " is " + status + "; only a qualified lead can be converted");
  }
}
