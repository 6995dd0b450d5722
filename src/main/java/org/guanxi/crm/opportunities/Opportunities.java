package org.guanxi.crm.opportunities;

import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;

/** Deals for other modules. */
public interface Opportunities {

  /**
   * Opens a deal as the user would on the deal form, remembering the lead it came from. Answers the
   * deal's id.
   */
  UUID openFromLead(CurrentUser user, OpportunityDraft draft, UUID leadId);
}
