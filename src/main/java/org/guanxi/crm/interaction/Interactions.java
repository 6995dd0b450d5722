package org.guanxi.crm.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;

/** The interactions other modules show, such as a calendar's meetings and visits. */
public interface Interactions {

  /** A meeting or visit as a calendar shows it. */
  record Appointment(
      UUID id,
      Channel channel,
      Instant at,
      @Nullable Integer durationMinutes,
      UUID customerId,
      String summary) {}

  /**
   * The meetings and visits {@code authorId} recorded from {@code from} (inclusive) to {@code to}
   * (exclusive) with customers the user sees, in time order.
   */
  List<Appointment> meetingsAndVisits(CurrentUser user, UUID authorId, Instant from, Instant to);
}
