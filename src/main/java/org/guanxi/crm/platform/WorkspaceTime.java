package org.guanxi.crm.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The time zone of the workspace the current thread works in ({@link WorkspaceContext}), set by its
 * administrators, and the business dates that follow from it: today, the day an instant falls on,
 * the instant a day begins. Cheap to ask as often as needed: the zone is kept per workspace.
 */
public interface WorkspaceTime {

  /** The zone of workspaces that have not chosen another, and outside every workspace. */
  ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** The current workspace's zone; {@link #DEFAULT_ZONE} outside every workspace. */
  ZoneId zone();

  /** Today's date in the current workspace's zone. */
  LocalDate today();

  /** The date {@code instant} falls on in the current workspace's zone. */
  default LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone());
  }

  /** The instant {@code day} begins in the current workspace's zone. */
  default Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone()).toInstant();
  }
}
