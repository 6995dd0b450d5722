package org.guanxi.crm.customer.internal;

/** The user owns as many customers as the workspace lets anyone own to claim one more. */
class ClaimLimitReached extends RuntimeException {

  private final int limit;

  ClaimLimitReached(int limit) {
    super("You own " + limit + " customers or more, the most you may own to claim another");
    this.limit = limit;
  }

  int limit() {
    return limit;
  }
}
