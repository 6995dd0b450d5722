package org.guanxi.crm.leads;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/**
 * A qualified lead became a customer (a new one, or a contact of an existing one), published inside
 * the transaction that converted it; the customer's timeline shows it. A deal the conversion opens
 * is opened by the conversion itself, in the same transaction.
 *
 * @param customerCreated true when the conversion created the customer, false when the lead joined
 *     an existing one
 */
public record LeadConverted(
    UUID workspaceId,
    UUID leadId,
    UUID customerId,
    boolean customerCreated,
    String leadName,
    Instant occurredAt,
    @Nullable String actorName)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(leadName, "/leads/" + leadId);
  }
}
