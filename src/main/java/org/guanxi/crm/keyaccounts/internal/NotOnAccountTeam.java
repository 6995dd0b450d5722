package org.guanxi.crm.keyaccounts.internal;

import java.util.UUID;

/**
 * Only the customer's owner, managers (and administrators) and the account team change a key
 * customer's plan; others who may see the customer only read it.
 */
class NotOnAccountTeam extends RuntimeException {

  NotOnAccountTeam(UUID customerId) {
    super(
        "Only the owner of the customer "
            + customerId
            + ", managers and the account team change its plans");
  }
}
