package org.guanxi.crm.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.CustomerPurchase;
import org.jspecify.annotations.Nullable;

/**
 * A customer placed an order: it was confirmed, or created confirmed. Published in the transaction
 * that confirmed it.
 */
public record OrderPlaced(
    UUID workspaceId,
    UUID orderId,
    UUID customerId,
    String number,
    BigDecimal amount,
    String currency,
    Instant occurredAt,
    @Nullable String actorName,
    Instant purchasedAt,
    @Nullable UUID actorId)
    implements CustomerActivity, CustomerPurchase {

  @Override
  public String purchaseReference() {
    return number;
  }

  @Override
  public Map<String, Object> activityDetail() {
    return CustomerActivity.detail(number, amount, currency, "/orders/" + orderId);
  }
}
