package org.guanxi.crm.platform.internal.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;

/**
 * One unit of {@code currency} is worth {@code rate} units of {@code baseCurrency} from {@code
 * validFrom} on, until the currency's next rate. {@code baseCurrency} is the base the rate was
 * entered against; {@code inUse} tells whether that is still the workspace's base.
 */
record ExchangeRate(
    UUID id,
    String currency,
    String baseCurrency,
    LocalDate validFrom,
    BigDecimal rate,
    boolean inUse,
    long version)
    implements Versioned {

  ExchangeRate {
    rate = plain(rate);
  }

  ExchangeRateDraft draft() {
    return new ExchangeRateDraft(currency, validFrom, rate);
  }

  /** 9.1 rather than 9.1000000000 as stored, and 100 rather than 1E+2. */
  static BigDecimal plain(BigDecimal rate) {
    BigDecimal stripped = rate.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
