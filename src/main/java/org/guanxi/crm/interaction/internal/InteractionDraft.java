package org.guanxi.crm.interaction.internal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.jspecify.annotations.Nullable;

/**
 * What a user writes down about an interaction: with which customer (and contact), how, when and
 * for how long, who took part, what was said and came of it, how the customer felt (a rating from 1
 * to 5 and a comment), when to follow up next, and for a visit or meeting the place (a visit's
 * check-in adds its coordinates, kept to six decimals: about 10 cm). Without a direction it is
 * outbound; without a time, now.
 */
record InteractionDraft(
    @NotNull UUID customerId,
    @Nullable UUID contactId,
    @NotNull Channel channel,
    @Nullable Direction direction,
    @Nullable Instant occurredAt,
    @Nullable @Min(0) @Max(1440) Integer durationMinutes,
    @Nullable @Size(max = 500) String participants,
    @NotBlank @Size(max = 10_000) String summary,
    @Nullable @Size(max = 2_000) String outcome,
    @Nullable @Min(1) @Max(5) Integer rating,
    @Nullable @Size(max = 2_000) String ratingComment,
    @Nullable LocalDate nextFollowUpOn,
    @Nullable @Size(max = 300) String place,
    @Nullable @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
    @Nullable @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {}
