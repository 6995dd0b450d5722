package org.guanxi.crm.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;
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
  public String activityKind() {
    return "ORDER_PLACED";
  }

  @Override
  public Map<String, Object> activityDetail() {
    return Map.of("summary", summary(number, amount, currency), "link", "/orders/" + orderId);
  }

  /** An order as the timeline names it: {@code SO-000123 ¥1,200.00}, or {@code … USD 1,200.00}. */
  static String summary(String number, BigDecimal amount, String currency) {
    String figure =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
            .format(amount.setScale(2, RoundingMode.HALF_UP));
    return number + " " + ("CNY".equals(currency) ? "¥" + figure : currency + " " + figure);
  }
}
