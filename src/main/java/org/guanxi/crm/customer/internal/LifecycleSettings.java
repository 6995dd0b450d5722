package org.guanxi.crm.customer.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * How long a customer may go without a purchase: after {@code atRiskAfterDays} it is at risk, after
 * {@code lostAfterDays} lost.
 */
record LifecycleSettings(
    @Min(1) @Max(3650) int atRiskAfterDays,
    @Min(2) @Max(3650) int lostAfterDays,
    @Nullable Long version) {

  static final LifecycleSettings DEFAULTS = new LifecycleSettings(90, 180, 0L);

  /** The change if it passes every check; otherwise {@link InvalidInput} names the field. */
  static LifecycleSettings validated(
      InputValidation validation, @Nullable LifecycleSettings change) {
    validation.check(change);
    if (change == null || change.lostAfterDays() <= change.atRiskAfterDays()) {
      throw new InvalidInput(
          "lostAfterDays",
          "not-after-at-risk",
          "A customer is lost only after being at risk: lostAfterDays must exceed atRiskAfterDays");
    }
    return change;
  }

  long versionOrZero() {
    return version == null ? 0 : version;
  }
}
