package org.guanxi.crm.leads.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.DuplicateCandidate;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/**
 * Converting the lead would create a customer that may already exist: the user chooses one of the
 * candidates or asks for a new customer. Nothing was converted.
 */
@Refusal(
    status = HttpStatus.CONFLICT,
    code = "possible-duplicates",
    title = "Possible duplicate customers")
class LeadMatchesExistingCustomers extends Refused {

  private final List<DuplicateCandidate> candidates;

  LeadMatchesExistingCustomers(UUID leadId, List<DuplicateCandidate> candidates) {
    super(
        "The lead "
            + leadId
            + " may be one of "
            + candidates.size()
            + " existing customers; choose one (customerId) or create a new one (createNew)",
        "candidates",
        List.copyOf(candidates));
    this.candidates = List.copyOf(candidates);
  }

  List<DuplicateCandidate> candidates() {
    return candidates;
  }
}
