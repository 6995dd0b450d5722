package org.guanxi.crm.customer;

import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;

/** The customer record for other modules: look-ups that respect what the user may see. */
public interface Customers {

  Optional<CustomerSummary> find(CurrentUser user, UUID customerId);

  /** How many customers the user can see (not deleted). */
  long countVisible(CurrentUser user);
}
