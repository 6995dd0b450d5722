package org.guanxi.crm.platform.internal.admin;

import java.time.ZoneId;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a workspace its administrators choose: the time zone its business dates are kept
 * in and its pages show times in, an IANA zone id such as {@code Asia/Shanghai} or {@code
 * Europe/London}.
 *
 * @param version the workspace's version, for {@code If-Match}
 */
record WorkspaceSettings(@Nullable String timeZone, long version) implements Versioned {

  /**
   * The zone {@code timeZone} names, if it names one; otherwise {@link InvalidInput} on {@code
   * timeZone}. Only region ids and {@code UTC} are taken, not offsets such as {@code +08:00}: a
   * region follows its daylight saving time.
   */
  static ZoneId zoneOf(@Nullable String timeZone) {
    String id = timeZone == null ? "" : timeZone.strip();
    if (id.isEmpty()) {
      throw new InvalidInput("timeZone", "required", "Choose the workspace's time zone");
    }
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new InvalidInput(
          "timeZone",
          "invalid-time-zone",
          "Not a time zone: give an IANA time zone id such as Asia/Shanghai or Europe/London");
    }
    return ZoneId.of(id);
  }
}
