package org.guanxi.crm.interaction;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * The author changed ({@code deleted} false) or deleted an interaction within the edit window. The
 * customer's timeline keeps both as history; neither counts as a new follow-up.
 */
public record InteractionChanged(
    UUID workspaceId,
    UUID interactionId,
    UUID customerId,
    Instant occurredAt,
    @Nullable String actorName,
    String summary,
    boolean deleted)
    implements CustomerActivity {

  @Override
  public String activityKind() {
    return deleted ? "INTERACTION_DELETED" : "INTERACTION_CHANGED";
  }

  @Override
  public Map<String, Object> activityDetail() {
    String shortened = InteractionRecorded.shortened(summary);
    return deleted
        ? Map.of("summary", shortened)
        : CustomerActivity.detail(shortened, "/interactions/" + interactionId);
  }
}
