package org.guanxi.crm.keyaccounts.internal;

import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/**
 * Only the customer's owner, managers (and administrators) and the account team change a key
 * customer's plan; others who may see the customer only read it.
 */
@Refusal(
    status = HttpStatus.FORBIDDEN,
    code = "not-on-account-team",
    title = "Not on the account team")
class NotOnAccountTeam extends Refused {

  NotOnAccountTeam(UUID customerId) {
    super(
        "Only the owner of the customer "
            + customerId
            + ", managers and the account team change its plans");
  }
}
