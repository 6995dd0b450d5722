package org.guanxi.crm.opportunities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A deal with a customer was lost. Published inside the transaction that marked it lost; the
 * customer's timeline shows it.
 *
 * @param reason the category of the loss: PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, TIMING,
 *     PRODUCT_FIT or OTHER
 * @param note what the rep added in their own words; null when nothing
 */
public record OpportunityLost(
    UUID workspaceId,
    UUID opportunityId,
    UUID customerId,
    String name,
    BigDecimal amount,
    String currency,
    String reason,
    @Nullable String note,
    Instant occurredAt,
    @Nullable String actorName,
    @Nullable UUID actorId)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return Map.of(
        "summary",
        CustomerActivity.summary(name, amount, currency),
        "link",
        "/opportunities/" + opportunityId,
        "reason",
        reason);
  }
}
