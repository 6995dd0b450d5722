package org.guanxi.crm.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A task for a customer was done. Published in the transaction that completed it; the customer's
 * timeline shows it. (It does not count as following the customer up: a follow-up record does.)
 */
public record TaskCompleted(
    UUID workspaceId,
    UUID taskId,
    UUID customerId,
    String title,
    Instant occurredAt,
    UUID completedBy,
    @Nullable String actorName)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(title, "/tasks/" + taskId);
  }
}
