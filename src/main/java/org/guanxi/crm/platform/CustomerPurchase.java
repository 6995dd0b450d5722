package org.guanxi.crm.platform;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer bought something: an order was placed. The module that keeps orders publishes an event
 * implementing it, inside the transaction that placed the order; the customer module moves the
 * customer's lifecycle stage in that same transaction (a first purchase makes a prospect a new
 * customer, a repeat purchase makes it active, a purchase wins back one at risk or lost).
 */
public interface CustomerPurchase {

  UUID workspaceId();

  UUID customerId();

  /** When the customer bought: the order's date, which may lie in the past for imported orders. */
  Instant purchasedAt();

  /** What the timeline names as the cause, such as the order number. */
  String purchaseReference();
}
