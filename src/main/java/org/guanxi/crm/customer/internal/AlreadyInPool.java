package org.guanxi.crm.customer.internal;

import java.util.UUID;

/** The customer to put back into the pool is in the pool already. */
class AlreadyInPool extends RuntimeException {

  AlreadyInPool(UUID customerId) {
    super("Customer " + customerId + " is in the pool already");
  }
}
