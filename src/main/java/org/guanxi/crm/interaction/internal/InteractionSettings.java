package org.guanxi.crm.interaction.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * How long after recording an interaction its author may still change or delete it: {@code
 * editWindowMinutes} (0: never; at most a year); a day until an administrator sets it.
 */
record InteractionSettings(
    @NotNull @Min(0) @Max(525_600) Integer editWindowMinutes, @Nullable Long version) {

  static final InteractionSettings DEFAULTS = new InteractionSettings(1_440, 0L);

  /** The change if it passes every check; otherwise {@link InvalidInput} names the field. */
  static InteractionSettings validated(
      InputValidation validation, @Nullable InteractionSettings change) {
    validation.check(change);
    if (change == null) {
      throw new InvalidInput("editWindowMinutes", "required", "editWindowMinutes is required");
    }
    return change;
  }

  Duration editWindow() {
    return Duration.ofMinutes(editWindowMinutes);
  }

  long versionOrZero() {
    return version == null ? 0 : version;
  }
}
