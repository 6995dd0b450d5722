package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** The customer left the pool (someone claimed it or was given it) before this move. */
@Refusal(status = HttpStatus.CONFLICT, code = "already-claimed", title = "Already claimed")
class AlreadyClaimed extends Refused {

  AlreadyClaimed(UUID customerId) {
    super("Customer " + customerId + " is no longer in the pool: someone else took it first");
  }
}
