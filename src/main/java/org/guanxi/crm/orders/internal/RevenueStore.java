package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Revenue figures summed in PostgreSQL from the totals kept on each order: a customer's through
 * {@code sales_order_by_customer}; the workspace's gross profit (for the profit contribution) from
 * the sums per day that triggers keep in {@code sales_profit_by_day}. Placed sales count; a sale
 * returned as a whole counts nothing; a return document (kind RETURN, imported) is subtracted, its
 * amount from revenue and its cost from cost. Both kinds of return add to {@code returns}.
 */
@Repository
class RevenueStore {

  private static final String COUNTED = "status in ('CONFIRMED', 'DELIVERED', 'PAID')";

  private final JdbcClient jdbc;

  RevenueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Revenue of(UUID customerId, String currency, @Nullable LocalDate from, @Nullable LocalDate to) {
    Map<String, Object> params = new HashMap<>();
    params.put("customerId", customerId);
    params.put("currency", currency);
    StringBuilder period = new StringBuilder();
    StringBuilder days = new StringBuilder();
    if (from != null) {
      period.append(" and order_date >= :from");
      days.append(" and day >= :from");
      params.put("from", Date.valueOf(from));
    }
    if (to != null) {
      period.append(" and order_date <= :to");
      days.append(" and day <= :to");
      params.put("to", Date.valueOf(to));
    }
    String sql =
        """
        with customer_orders as (
          select status, kind, amount, cost, order_date from sales_order
          where customer_id = :customerId and currency = :currency %1$s
        ), workspace as (
          select coalesce(sum(gross_profit), 0) as gross_profit from sales_profit_by_day
          where currency = :currency %3$s
        )
        select count(*) filter (where %2$s) as order_count,
          coalesce(sum(amount) filter (where %2$s), 0)
            - coalesce(sum(amount) filter (where kind = 'RETURN'), 0) as revenue,
          coalesce(sum(cost) filter (where %2$s), 0)
            - coalesce(sum(cost) filter (where kind = 'RETURN'), 0) as cost,
          coalesce(sum(amount) filter (where status = 'RETURNED'), 0) as returns,
          min(order_date) filter (where %2$s) as first_order,
          max(order_date) filter (where %2$s) as last_order,
          (select gross_profit from workspace) as workspace_profit
        from customer_orders
        """
            .formatted(period, COUNTED, days);
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, row) -> {
              BigDecimal revenue = rs.getBigDecimal("revenue");
              BigDecimal cost = rs.getBigDecimal("cost");
              BigDecimal profit = revenue.subtract(cost);
              BigDecimal workspaceProfit = rs.getBigDecimal("workspace_profit");
              Date first = rs.getDate("first_order");
              Date last = rs.getDate("last_order");
              return new Revenue(
                  customerId,
                  currency,
                  from,
                  to,
                  revenue,
                  rs.getBigDecimal("returns"),
                  cost,
                  profit,
                  ratio(profit, revenue),
                  ratio(profit, workspaceProfit),
                  rs.getLong("order_count"),
                  first == null ? null : first.toLocalDate(),
                  last == null ? null : last.toLocalDate());
            })
        .single();
  }

  private static @Nullable BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
  }
}
