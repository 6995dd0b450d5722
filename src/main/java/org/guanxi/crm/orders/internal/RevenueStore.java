package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  private static final String FIGURES =
      """
      count(*) filter (where %1$s) as order_count,
        coalesce(sum(amount) filter (where %1$s), 0)
          - coalesce(sum(amount) filter (where kind = 'RETURN'), 0) as revenue,
        coalesce(sum(cost) filter (where %1$s), 0)
          - coalesce(sum(cost) filter (where kind = 'RETURN'), 0) as cost,
        coalesce(sum(amount) filter (where status = 'RETURNED'), 0) as returns,
        min(order_date) filter (where %1$s) as first_order,
        max(order_date) filter (where %1$s) as last_order
      """
          .formatted(COUNTED);

  /**
   * A customer's figures in one currency on one day, or over the whole period ({@code day} null):
   * the sums {@link #byCurrencyAndDay} hands out for conversion.
   */
  record Sums(
      String currency,
      @Nullable LocalDate day,
      long orderCount,
      BigDecimal revenue,
      BigDecimal cost,
      BigDecimal returns,
      @Nullable LocalDate firstOrder,
      @Nullable LocalDate lastOrder) {

    boolean isNothing() {
      return revenue.signum() == 0 && cost.signum() == 0 && returns.signum() == 0;
    }
  }

  /** The workspace's gross profit in one currency on one day, or over the period. */
  record Profit(String currency, @Nullable LocalDate day, BigDecimal grossProfit) {}

  private final JdbcClient jdbc;

  RevenueStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A customer's figures in one currency, as the API answered before there were several. */
  Revenue of(UUID customerId, String currency, @Nullable LocalDate from, @Nullable LocalDate to) {
    Period period = new Period(from, to);
    Map<String, Object> params = period.params();
    params.put("customerId", customerId);
    params.put("currency", currency);
    String sql =
        """
        with customer_orders as (
          select status, kind, amount, cost, order_date from sales_order
          where customer_id = :customerId and currency = :currency %1$s
        ), workspace as (
          select coalesce(sum(gross_profit), 0) as gross_profit from sales_profit_by_day
          where currency = :currency %3$s
        )
        select %2$s, (select gross_profit from workspace) as workspace_profit
        from customer_orders
        """
            .formatted(period.orders(), FIGURES, period.days());
    return jdbc.sql(sql)
        .params(params)
        .query(
            (rs, row) -> {
              Sums sums = sums(rs, currency, null);
              Revenue.InCurrency figures =
                  inCurrency(
                      sums,
                      sums.revenue(),
                      sums.returns(),
                      sums.cost(),
                      rs.getBigDecimal("workspace_profit"));
              return new Revenue(
                  customerId,
                  currency,
                  from,
                  to,
                  figures.revenue(),
                  figures.returns(),
                  figures.cost(),
                  figures.grossProfit(),
                  figures.grossMargin(),
                  figures.profitContribution(),
                  figures.orderCount(),
                  figures.firstOrderDate(),
                  figures.lastOrderDate(),
                  List.of(figures),
                  List.of());
            })
        .single();
  }

  /**
   * What {@link #byCurrencyAndDay} reads in one statement: the customer's sums, the workspace's.
   */
  record Days(List<Sums> customer, List<Profit> workspace) {}

  /**
   * A customer's figures in every currency of its orders and the workspace's gross profit in the
   * period, both per currency and day, so that each day can be converted at its own rate, except
   * for {@code base}, which needs no rate and comes as one sum. A customer with orders on a few
   * hundred days gives a few hundred rows; the workspace's profit comes from the kept sums per day,
   * a few thousand rows at most, the base currency's as one plain sum over the primary key (cheaper
   * than grouping every row by an expression), the others found through the primary key too ({@code
   * <} or {@code >} the base, not {@code <>}, which reads every row). One statement, one round
   * trip.
   */
  Days byCurrencyAndDay(
      UUID customerId, String base, @Nullable LocalDate from, @Nullable LocalDate to) {
    Period period = new Period(from, to);
    Map<String, Object> params = period.params();
    params.put("customerId", customerId);
    params.put("base", base);
    List<Sums> customer = new ArrayList<>();
    List<Profit> workspace = new ArrayList<>();
    jdbc.sql(
            """
            select true as of_customer, currency,
              case when currency = :base then null else order_date end as day,
              %1$s, null::numeric as gross_profit
            from sales_order where customer_id = :customerId %2$s
            group by 2, 3
            union all
            select false, currency, null, null, null, null, null, null, null, sum(gross_profit)
            from sales_profit_by_day where currency = :base %3$s
            group by 2
            union all
            select false, currency, day, null, null, null, null, null, null, sum(gross_profit)
            from sales_profit_by_day where (currency < :base or currency > :base) %3$s
            group by 2, 3
            """
                .formatted(FIGURES, period.orders(), period.days()))
        .params(params)
        .query(
            rs -> {
              Date date = rs.getDate("day");
              LocalDate day = date == null ? null : date.toLocalDate();
              String currency = rs.getString("currency");
              if (rs.getBoolean("of_customer")) {
                customer.add(sums(rs, currency, day));
              } else {
                workspace.add(new Profit(currency, day, rs.getBigDecimal("gross_profit")));
              }
            });
    return new Days(customer, workspace);
  }

  /** The figures of one currency from its sums and the workspace's profit in it. */
  static Revenue.InCurrency inCurrency(
      Sums sums,
      BigDecimal revenue,
      BigDecimal returns,
      BigDecimal cost,
      BigDecimal workspaceProfit) {
    BigDecimal profit = revenue.subtract(cost);
    return new Revenue.InCurrency(
        sums.currency(),
        revenue,
        returns,
        cost,
        profit,
        ratio(profit, revenue),
        ratio(profit, workspaceProfit),
        sums.orderCount(),
        sums.firstOrder(),
        sums.lastOrder());
  }

  static @Nullable BigDecimal ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
  }

  private static Sums sums(ResultSet rs, String currency, @Nullable LocalDate day)
      throws SQLException {
    Date first = rs.getDate("first_order");
    Date last = rs.getDate("last_order");
    return new Sums(
        currency,
        day,
        rs.getLong("order_count"),
        rs.getBigDecimal("revenue"),
        rs.getBigDecimal("cost"),
        rs.getBigDecimal("returns"),
        first == null ? null : first.toLocalDate(),
        last == null ? null : last.toLocalDate());
  }

  /** The bounds of a period (inclusive, either may be open) as conditions on orders and days. */
  private record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

    Map<String, Object> params() {
      Map<String, Object> params = new HashMap<>();
      if (from != null) {
        params.put("from", Date.valueOf(from));
      }
      if (to != null) {
        params.put("to", Date.valueOf(to));
      }
      return params;
    }

    String orders() {
      return (from == null ? "" : " and order_date >= :from")
          + (to == null ? "" : " and order_date <= :to");
    }

    String days() {
      return (from == null ? "" : " and day >= :from") + (to == null ? "" : " and day <= :to");
    }
  }
}
