package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.MissingExchangeRate;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's orders in a period were worth: revenue of the confirmed, delivered and paid
 * orders (returned and cancelled ones count nothing) less the return documents of the period
 * (imported returns), their cost and gross profit, the gross margin (profit over revenue) and the
 * profit contribution (the customer's share of the workspace's gross profit in the same period).
 * {@code returns} adds up returned orders and return documents; {@code orderCount} counts placed
 * sales only.
 *
 * <p>Asked for one currency, the figures are that currency's orders alone. Asked for none, {@code
 * currencies} holds each currency's figures and the figures above add them up in the workspace's
 * base currency ({@code currency}), every order at the rate valid on its date; when some rate is
 * missing, {@code missingRates} names it and the money figures are null rather than a sum that
 * leaves money out (the counts and dates still cover every order). The profit contribution in the
 * base currency is also null when the workspace's profit in some currency cannot be converted.
 */
record Revenue(
    UUID customerId,
    String currency,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable BigDecimal revenue,
    @Nullable BigDecimal returns,
    @Nullable BigDecimal cost,
    @Nullable BigDecimal grossProfit,
    @Nullable BigDecimal grossMargin,
    @Nullable BigDecimal profitContribution,
    long orderCount,
    @Nullable LocalDate firstOrderDate,
    @Nullable LocalDate lastOrderDate,
    List<InCurrency> currencies,
    List<MissingExchangeRate> missingRates) {

  /** The figures of the customer's orders in one currency, in that currency. */
  record InCurrency(
      String currency,
      BigDecimal revenue,
      BigDecimal returns,
      BigDecimal cost,
      BigDecimal grossProfit,
      @Nullable BigDecimal grossMargin,
      @Nullable BigDecimal profitContribution,
      long orderCount,
      @Nullable LocalDate firstOrderDate,
      @Nullable LocalDate lastOrderDate) {}
}
