package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rates to the base currency of some currencies over a span of days, as {@link
 * ExchangeRates#toBase} read them: a currency's rate on a day is its latest rate valid on or before
 * it.
 */
public final class RatesToBase {

  private final String baseCurrency;
  private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates;

  /**
   * @param rates per currency, each rate by the day it is valid from
   */
  public RatesToBase(String baseCurrency, Map<String, ? extends Map<LocalDate, BigDecimal>> rates) {
    this.baseCurrency = baseCurrency;
    this.rates =
        rates.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey,
                    e -> Collections.unmodifiableNavigableMap(new TreeMap<>(e.getValue()))));
  }

  public String baseCurrency() {
    return baseCurrency;
  }

  /** What one unit of {@code currency} is worth in the base on {@code day}; null without a rate. */
  public @Nullable BigDecimal rate(String currency, LocalDate day) {
    if (currency.equals(baseCurrency)) {
      return BigDecimal.ONE;
    }
    NavigableMap<LocalDate, BigDecimal> ofCurrency = rates.get(currency);
    if (ofCurrency == null) {
      return null;
    }
    Map.Entry<LocalDate, BigDecimal> valid = ofCurrency.floorEntry(day);
    return valid == null ? null : valid.getValue();
  }

  /**
   * {@code amount} of {@code currency} in the base on {@code day}, not rounded; null without a
   * rate.
   */
  public @Nullable BigDecimal toBase(BigDecimal amount, String currency, LocalDate day) {
    BigDecimal rate = rate(currency, day);
    return rate == null ? null : amount.multiply(rate);
  }
}
