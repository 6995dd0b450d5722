package org.guanxi.crm.sales.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a customer's orders in a period were worth, in one currency: revenue of the confirmed,
 * delivered and paid orders (returned and cancelled ones count nothing), their cost and gross
 * profit, the gross margin (profit over revenue) and the profit contribution (the customer's share
 * of the workspace's gross profit in the same period).
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
