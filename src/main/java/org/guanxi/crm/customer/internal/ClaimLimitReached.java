package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** The user owns as many customers as the workspace lets anyone own to claim one more. */
@Refusal(status = HttpStatus.CONFLICT, code = "claim-limit", title = "Claim limit reached")
class ClaimLimitReached extends Refused {

  private final int limit;

  ClaimLimitReached(int limit) {
    super(
        "You own " + limit + " customers or more, the most you may own to claim another",
        "claimLimit",
        limit);
    this.limit = limit;
  }

  int limit() {
    return limit;
  }
}
