package org.guanxi.crm.leads.internal;

import java.util.UUID;

/** Only a qualified lead is converted into a customer. */
class LeadNotQualified extends RuntimeException {

  LeadNotQualified(UUID leadId, LeadStatus status) {
    super("The lead " + leadId + " is " + status + "; only a qualified lead can be converted");
  }
}
