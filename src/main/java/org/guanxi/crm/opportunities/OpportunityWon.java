package org.guanxi.crm.opportunities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A deal with a customer was won. Published inside the transaction that marked it won; the
 * customer's timeline shows it.
 *
 * @param reason why it was won, in the rep's words; null when not given
 */
public record OpportunityWon(
    UUID workspaceId,
    UUID opportunityId,
    UUID customerId,
    String name,
    BigDecimal amount,
    String currency,
    @Nullable String reason,
    Instant occurredAt,
    @Nullable String actorName,
    @Nullable UUID actorId)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(name, amount, currency, "/opportunities/" + opportunityId);
  }
}
