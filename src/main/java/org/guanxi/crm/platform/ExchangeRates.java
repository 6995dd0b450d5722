package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Money in several currencies added up: the workspace's base currency (CNY until an administrator
 * chooses another) and the exchange rates administrators keep, each saying what one unit of a
 * currency is worth in the base currency from a day on. The rate of a currency on a day is its
 * latest rate to the current base valid on or before that day; before its first rate it has none,
 * and a sum that needs it cannot be given — it is never taken as zero.
 */
public interface ExchangeRates {

  /** The currency the workspace adds money up in. */
  String baseCurrency();

  /**
   * {@code amount} of {@code from} in {@code to} on {@code onDate}, through both currencies' rates
   * to the base currency, rounded to four decimals as money is kept.
   *
   * @throws NoExchangeRate when {@code from} or {@code to} (other than the base) has no rate on
   *     that day
   */
  BigDecimal convert(BigDecimal amount, String from, String to, LocalDate onDate);

  /**
   * The rates to the base currency of {@code currencies} on every day from {@code first} to {@code
   * last}, read at once: for converting many sums of many days.
   */
  RatesToBase toBase(Collection<String> currencies, LocalDate first, LocalDate last);
}
