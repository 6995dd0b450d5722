package org.guanxi.crm.customer;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;

/** The contacts of a customer, for other modules that refer to them. */
public interface CustomerContacts {

  /**
   * The contacts of a customer the user may see (not deleted), the primary one first; empty when
   * the user may not see the customer.
   */
  List<ContactSummary> of(CurrentUser user, UUID customerId);
}
