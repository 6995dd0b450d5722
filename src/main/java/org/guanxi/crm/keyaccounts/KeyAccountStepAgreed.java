package org.guanxi.crm.keyaccounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A next step was agreed in a key customer's account plan, to be reviewed on a date; published in
 * the transaction that saved the plan, so that the customer's timeline shows it.
 */
public record KeyAccountStepAgreed(
    UUID workspaceId,
    UUID planId,
    UUID customerId,
    String step,
    LocalDate reviewDate,
    Instant occurredAt,
    @Nullable String actorName)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(
        KeyAccountStepDone.shortened(step) + " → " + reviewDate, "/key-accounts/" + planId);
  }
}
