package org.guanxi.crm.tasks.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's calendar of some days: what is due (tasks, at their time or all day) and the meetings
 * and visits they recorded, per day in the workspace's zone.
 */
record Calendar(
    UUID userId, @Nullable String userName, LocalDate from, LocalDate to, List<Day> days) {

  /** One day's entries, all-day ones first, then by time. */
  record Day(LocalDate date, List<Entry> entries) {}

  /**
   * An entry: {@code kind} TASK, MEETING or VISIT; a task without a time is all day ({@code time}
   * null); {@code link} is its page.
   */
  record Entry(
      String kind,
      UUID id,
      String title,
      @Nullable LocalTime time,
      @Nullable Integer durationMinutes,
      boolean done,
      boolean overdue,
      String link) {}
}
