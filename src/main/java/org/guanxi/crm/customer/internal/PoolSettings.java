package org.guanxi.crm.customer.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's pool rules: a customer whose owner has not followed it up for {@code
 * returnAfterDays} returns to the pool (never, when null), key accounts too unless {@code
 * keyAccountsExempt}; a user may own at most {@code claimLimit} customers to claim one more.
 */
record PoolSettings(
    @Nullable @Min(1) @Max(3650) Integer returnAfterDays,
    @Min(1) @Max(100_000) int claimLimit,
    @NotNull @Nullable Boolean keyAccountsExempt,
    @Nullable Long version) {

  static final PoolSettings DEFAULTS = new PoolSettings(null, 100, true, 0L);

  /** The change if it passes every check; otherwise {@link InvalidInput} names the field. */
  static PoolSettings validated(InputValidation validation, @Nullable PoolSettings change) {
    validation.check(change);
    return java.util.Objects.requireNonNull(change);
  }

  public boolean exemptsKeyAccounts() {
    return !Boolean.FALSE.equals(keyAccountsExempt);
  }

  long versionOrZero() {
    return version == null ? 0 : version;
  }
}
