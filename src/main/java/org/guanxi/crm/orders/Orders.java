package org.guanxi.crm.orders;

import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;

/** Orders for other modules. */
public interface Orders {

  /**
   * Creates an order as the user would on the order form: its lines priced for the customer, DRAFT
   * or CONFIRMED (placed at once, which publishes {@link OrderPlaced}). Answers the order's id.
   */
  UUID createOrder(CurrentUser user, OrderDraft draft);
}
