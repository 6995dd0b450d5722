package org.guanxi.crm.interaction.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The follow-up form as the browser sends it: every field as typed, so that a refused form comes
 * back with what the user wrote. The time is the workspace's local time of a {@code datetime-local}
 * field (empty: now).
 */
record InteractionForm(
    @Nullable String channel,
    @Nullable String direction,
    @Nullable String occurredAt,
    @Nullable String durationMinutes,
    @Nullable String contactId,
    @Nullable String participants,
    @Nullable String summary,
    @Nullable String outcome,
    @Nullable String rating,
    @Nullable String ratingComment,
    @Nullable String nextFollowUpOn,
    @Nullable String place) {

  static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /** An empty form: a call to the customer, now. */
  static InteractionForm empty() {
    return new InteractionForm(
        Channel.CALL.name(), Direction.OUTBOUND.name(), "", "", "", "", "", "", "", "", "", "");
  }

  /** The form of a stored interaction, its time in {@code zone}. */
  static InteractionForm of(Interaction i, ZoneId zone) {
    return new InteractionForm(
        i.channel().name(),
        i.direction().name(),
        LOCAL_TIME.format(i.occurredAt().atZone(zone)),
        i.durationMinutes() == null ? "" : i.durationMinutes().toString(),
        i.contactId() == null ? "" : i.contactId().toString(),
        orEmpty(i.participants()),
        i.summary(),
        orEmpty(i.outcome()),
        i.rating() == null ? "" : i.rating().toString(),
        orEmpty(i.ratingComment()),
        i.nextFollowUpOn() == null ? "" : i.nextFollowUpOn().toString(),
        orEmpty(i.place()));
  }

  /**
   * The draft of the typed form for the customer; a check-in's coordinates, which the form does not
   * show, stay as {@code current} has them.
   */
  InteractionDraft draft(UUID customerId, ZoneId zone, @Nullable Interaction current) {
    return new InteractionDraft(
        customerId,
        FormFields.id(
            orEmpty(contactId), "contactId", "unknown-contact", "There is no such contact"),
        choice(Channel.class, channel, "channel"),
        choice(Direction.class, direction, "direction"),
        time(zone),
        FormFields.integer(orEmpty(durationMinutes), "durationMinutes"),
        participants,
        summary == null ? "" : summary,
        outcome,
        FormFields.integer(orEmpty(rating), "rating"),
        ratingComment,
        FormFields.date(orEmpty(nextFollowUpOn), "nextFollowUpOn"),
        place,
        current == null ? null : current.latitude(),
        current == null ? null : current.longitude());
  }

  private @Nullable Instant time(ZoneId zone) {
    if (occurredAt == null || occurredAt.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(occurredAt.strip()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidInput(
          "occurredAt", "invalid-date", "A date and time such as 2026-03-01T09:30");
    }
  }

  private static <E extends Enum<E>> @Nullable E choice(
      Class<E> type, @Nullable String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, "invalid-choice", "Not one of the choices");
    }
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
