package org.guanxi.crm.keyaccounts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A next step of a key customer's account plan was done (and reviewed); published in the
 * transaction that saved the plan, so that the customer's timeline shows it.
 */
public record KeyAccountStepDone(
    UUID workspaceId,
    UUID planId,
    UUID customerId,
    String step,
    Instant occurredAt,
    @Nullable String actorName)
    implements CustomerActivity {

  private static final int SUMMARY_LENGTH = 80;

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(shortened(step), "/key-accounts/" + planId);
  }

  /** A step's text as the timeline shows it: its first 80 characters. */
  static String shortened(String step) {
    return step.length() <= SUMMARY_LENGTH
        ? step
        : step.substring(0, SUMMARY_LENGTH - 1).strip() + "…";
  }
}
