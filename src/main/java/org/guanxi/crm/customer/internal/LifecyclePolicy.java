package org.guanxi.crm.customer.internal;

import java.time.Duration;
import java.time.Instant;
import org.guanxi.crm.customer.LifecycleStage;

/**
 * The rules that move a customer along its lifecycle by what it buys: the first purchase makes a
 * new customer, a repeat purchase an active one (also winning back one at risk or lost), and a
 * period without purchase puts it at risk and then loses it.
 */
final class LifecyclePolicy {

  private LifecyclePolicy() {}

  /** The stage after a purchase that brought the customer's purchases to {@code purchases}. */
  static LifecycleStage afterPurchase(LifecycleStage current, int purchases) {
    if (purchases >= 2) {
      return LifecycleStage.ACTIVE;
    }
    return current == LifecycleStage.ACTIVE ? LifecycleStage.ACTIVE : LifecycleStage.NEW;
  }

  /**
   * The stage a customer who has bought before has reached by {@code now}: at risk once {@code
   * atRiskAfterDays} have passed since the last purchase, lost once {@code lostAfterDays} have.
   * Prospects (nothing bought) and lost customers stay where they are.
   */
  static LifecycleStage byTimeSincePurchase(
      LifecycleStage current, Instant lastPurchase, Instant now, LifecycleSettings settings) {
    if (current == LifecycleStage.PROSPECT || current == LifecycleStage.LOST) {
      return current;
    }
    Duration since = Duration.between(lastPurchase, now);
    if (since.compareTo(Duration.ofDays(settings.lostAfterDays())) >= 0) {
      return LifecycleStage.LOST;
    }
    if (since.compareTo(Duration.ofDays(settings.atRiskAfterDays())) >= 0) {
      return LifecycleStage.AT_RISK;
    }
    return current;
  }
}
