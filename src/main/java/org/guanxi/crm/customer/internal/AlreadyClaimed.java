package org.guanxi.crm.customer.internal;

import java.util.UUID;

/** The customer left the pool (someone claimed it or was given it) before this move. */
class AlreadyClaimed extends RuntimeException {

  AlreadyClaimed(UUID customerId) {
    super("Customer " + customerId + " is no longer in the pool: someone else took it first");
  }
}
