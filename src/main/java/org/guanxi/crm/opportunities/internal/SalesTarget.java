package org.guanxi.crm.opportunities.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** What a rep is to win in a month (销售目标), in a currency. */
record SalesTarget(
    UUID id,
    UUID userId,
    @Nullable String userName,
    YearMonth month,
    BigDecimal amount,
    String currency,
    long version)
    implements Versioned {

  SalesTargetDraft draft() {
    return new SalesTargetDraft(userId, month, amount, currency);
  }
}
