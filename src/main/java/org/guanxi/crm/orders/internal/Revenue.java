package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's orders in a period were worth, in one currency: revenue of the confirmed,
 * delivered and paid orders (returned and cancelled ones count nothing) less the return documents
 * of the period (imported returns), their cost and gross profit, the gross margin (profit over
 * revenue) and the profit contribution (the customer's share of the workspace's gross profit in the
 * same period). {@code returns} adds up returned orders and return documents; {@code orderCount}
 * counts placed sales only.
 */
record Revenue(
    UUID customerId,
    String currency,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    BigDecimal revenue,
    BigDecimal returns,
    BigDecimal cost,
    BigDecimal grossProfit,
    @Nullable BigDecimal grossMargin,
    @Nullable BigDecimal profitContribution,
    long orderCount,
    @Nullable LocalDate firstOrderDate,
    @Nullable LocalDate lastOrderDate) {}
