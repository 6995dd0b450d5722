package org.guanxi.crm.interaction.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.jspecify.annotations.Nullable;

/** An interaction as stored, with its author's name. */
record Interaction(
    UUID id,
    UUID customerId,
    @Nullable UUID contactId,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    @Nullable Integer durationMinutes,
    @Nullable String participants,
    String summary,
    @Nullable String outcome,
    @Nullable Integer rating,
    @Nullable String ratingComment,
    @Nullable LocalDate nextFollowUpOn,
    @Nullable String place,
    @Nullable BigDecimal latitude,
    @Nullable BigDecimal longitude,
    UUID authorId,
    @Nullable String authorName,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  InteractionDraft draft() {
    return new InteractionDraft(
        customerId,
        contactId,
        channel,
        direction,
        occurredAt,
        durationMinutes,
        participants,
        summary,
        outcome,
        rating,
        ratingComment,
        nextFollowUpOn,
        place,
        latitude,
        longitude);
  }
}
