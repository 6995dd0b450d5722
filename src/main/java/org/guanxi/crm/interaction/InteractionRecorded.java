package org.guanxi.crm.interaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.WorkspaceEvent;
import org.jspecify.annotations.Nullable;

/**
 * A user recorded an interaction with a customer. Published in the transaction that saved it: the
 * customer's timeline shows it as the channel ({@code timeline.INTERACTION_CALL}, …), and when the
 * author owns the customer it counts as following the customer up. A next follow-up date asks for a
 * task for the customer's owner.
 */
public record InteractionRecorded(
    UUID workspaceId,
    UUID interactionId,
    UUID customerId,
    @Nullable UUID contactId,
    Channel channel,
    Direction direction,
    Instant occurredAt,
    @Nullable LocalDate nextFollowUpOn,
    UUID authorId,
    @Nullable String actorName,
    String summary,
    @Nullable UUID customerOwnerId)
    implements CustomerActivity, WorkspaceEvent {

  /** The longest summary the timeline shows; a longer one is cut with an ellipsis. */
  public static final int TIMELINE_SUMMARY = 140;

  @Override
  public String activityKind() {
    return "INTERACTION_" + channel.name();
  }

  @Override
  public UUID actorId() {
    return authorId;
  }

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(shortened(summary), "/interactions/" + interactionId);
  }

  /** A summary as the timeline shows it: at most {@link #TIMELINE_SUMMARY} characters. */
  public static String shortened(String summary) {
    String oneLine = summary.strip().replaceAll("\\s+", " ");
    return oneLine.codePointCount(0, oneLine.length()) <= TIMELINE_SUMMARY
        ? oneLine
        : oneLine.substring(0, oneLine.offsetByCodePoints(0, TIMELINE_SUMMARY - 1)) + "…";
  }
}
