package org.guanxi.crm.customer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guanxi.crm.customer.LifecycleStage.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecyclePolicyTests {

  static final LifecycleSettings PERIODS = new LifecycleSettings(90, 180, 0L);
  static final Instant BOUGHT = Instant.parse("2026-01-10T08:00:00Z");

  @Test
  void theFirstPurchaseMakesANewCustomerAndARepeatPurchaseAnActiveOne() {
    assertThat(LifecyclePolicy.afterPurchase(PROSPECT, 1)).isEqualTo(NEW);
    assertThat(LifecyclePolicy.afterPurchase(NEW, 2)).isEqualTo(ACTIVE);
    assertThat(LifecyclePolicy.afterPurchase(ACTIVE, 1)).as("set active by hand").isEqualTo(ACTIVE);
  }

  @Test
  void aPurchaseWinsBackACustomerAtRiskOrLost() {
    assertThat(LifecyclePolicy.afterPurchase(AT_RISK, 5)).isEqualTo(ACTIVE);
    assertThat(LifecyclePolicy.afterPurchase(LOST, 2)).isEqualTo(ACTIVE);
  }

  @Test
  void aCustomerIsAtRiskAndThenLostExactlyWhenThePeriodsHavePassed() {
    assertThat(at(Duration.ofDays(90).minusSeconds(1), ACTIVE)).isEqualTo(ACTIVE);
    assertThat(at(Duration.ofDays(90), ACTIVE)).isEqualTo(AT_RISK);
    assertThat(at(Duration.ofDays(90), NEW)).isEqualTo(AT_RISK);
    assertThat(at(Duration.ofDays(180).minusSeconds(1), AT_RISK)).isEqualTo(AT_RISK);
    assertThat(at(Duration.ofDays(180), AT_RISK)).isEqualTo(LOST);
    assertThat(at(Duration.ofDays(400), ACTIVE)).isEqualTo(LOST);
  }

  @Test
  void prospectsAndLostCustomersDoNotMoveWithTime() {
    assertThat(at(Duration.ofDays(400), PROSPECT)).isEqualTo(PROSPECT);
    assertThat(at(Duration.ofDays(1), LOST)).as("lost stays lost until a purchase").isEqualTo(LOST);
  }

  private static org.guanxi.crm.customer.LifecycleStage at(
      Duration since, org.guanxi.crm.customer.LifecycleStage stage) {
    return LifecyclePolicy.byTimeSincePurchase(stage, BOUGHT, BOUGHT.plus(since), PERIODS);
  }
}
