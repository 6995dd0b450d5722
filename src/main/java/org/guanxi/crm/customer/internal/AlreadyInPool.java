package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** The customer to put back into the pool is in the pool already. */
@Refusal(status = HttpStatus.CONFLICT, code = "already-in-pool", title = "Already in the pool")
class AlreadyInPool extends Refused {

  AlreadyInPool(UUID customerId) {
    super("Customer " + customerId + " is in the pool already");
  }
}
