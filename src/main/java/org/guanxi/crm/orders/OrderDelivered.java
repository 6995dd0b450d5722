package org.guanxi.crm.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.jspecify.annotations.Nullable;

/** An order reached its customer. Published in the transaction that marked it delivered. */
public record OrderDelivered(
    UUID workspaceId,
    UUID orderId,
    UUID customerId,
    String number,
    BigDecimal amount,
    String currency,
    Instant occurredAt,
    @Nullable String actorName)
    implements CustomerActivity {

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(number, amount, currency, "/orders/" + orderId);
  }
}
