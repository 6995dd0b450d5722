package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.guanxi.crm.platform.ExchangeRates;
import org.guanxi.crm.platform.MissingExchangeRate;
import org.guanxi.crm.platform.RatesToBase;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A customer's revenue in every currency of its orders and added up in the workspace's base
 * currency. The sums come from PostgreSQL per currency and day (the base currency's as one sum);
 * each day's sums are converted at the rate valid on that day, the rates of the period read once,
 * so the cost grows with the days a customer ordered on, not with its orders.
 */
@Service
class RevenueService {

  private final RevenueStore store;
  private final ExchangeRates exchangeRates;

  RevenueService(RevenueStore store, ExchangeRates exchangeRates) {
    this.store = store;
    this.exchangeRates = exchangeRates;
  }

  /** In {@code currency} alone, or in every currency and the base currency when it is null. */
  Revenue of(
      UUID customerId,
      @Nullable String currency,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    return currency == null
        ? inEveryCurrency(customerId, from, to)
        : store.of(customerId, currency, from, to);
  }

  Revenue inEveryCurrency(UUID customerId, @Nullable LocalDate from, @Nullable LocalDate to) {
    String base = exchangeRates.baseCurrency();
    RevenueStore.Days days = store.byCurrencyAndDay(customerId, base, from, to);
    List<RevenueStore.Sums> sums = days.customer();
    List<RevenueStore.Profit> profits = days.workspace();
    RatesToBase rates = rates(base, sums, profits);

    Map<String, Figures> byCurrency = new TreeMap<>(baseFirst(base));
    Figures total = new Figures(base);
    Map<String, LocalDate> missing = new TreeMap<>();
    for (RevenueStore.Sums day : sums) {
      byCurrency.computeIfAbsent(day.currency(), Figures::new).add(day, BigDecimal.ONE);
      // a day of drafts and cancellations is worth nothing in any currency: it needs no rate
      BigDecimal rate = day.isNothing() ? BigDecimal.ZERO : rate(rates, day.currency(), day.day());
      if (rate == null) {
        missing.merge(day.currency(), day.day(), (a, b) -> a.isBefore(b) ? a : b);
        total.count(day);
      } else {
        total.add(day, rate);
      }
    }

    Map<String, BigDecimal> workspaceProfit = new HashMap<>();
    BigDecimal workspaceProfitInBase = BigDecimal.ZERO;
    boolean workspaceConverted = true;
    for (RevenueStore.Profit day : profits) {
      workspaceProfit.merge(day.currency(), day.grossProfit(), BigDecimal::add);
      BigDecimal rate = rate(rates, day.currency(), day.day());
      if (rate == null) {
        workspaceConverted = false;
      } else {
        workspaceProfitInBase = workspaceProfitInBase.add(day.grossProfit().multiply(rate));
      }
    }

    List<Revenue.InCurrency> currencies = new ArrayList<>();
    for (Figures figures : byCurrency.values()) {
      currencies.add(
          figures.inCurrency(
              workspaceProfit.getOrDefault(figures.currency, BigDecimal.ZERO), false));
    }
    List<MissingExchangeRate> missingRates =
        missing.entrySet().stream()
            .map(e -> new MissingExchangeRate(e.getKey(), base, e.getValue()))
            .toList();
    Revenue.InCurrency inBase = total.inCurrency(workspaceProfitInBase, true);
    boolean converted = missingRates.isEmpty();
    return new Revenue(
        customerId,
        base,
        from,
        to,
        converted ? inBase.revenue() : null,
        converted ? inBase.returns() : null,
        converted ? inBase.cost() : null,
        converted ? inBase.grossProfit() : null,
        converted ? inBase.grossMargin() : null,
        converted && workspaceConverted ? inBase.profitContribution() : null,
        inBase.orderCount(),
        inBase.firstOrderDate(),
        inBase.lastOrderDate(),
        currencies,
        missingRates);
  }

  /** The rates of the currencies other than the base on the days they are needed, read at once. */
  private RatesToBase rates(
      String base, List<RevenueStore.Sums> sums, List<RevenueStore.Profit> profits) {
    TreeSet<LocalDate> days = new TreeSet<>();
    TreeSet<String> currencies = new TreeSet<>();
    for (RevenueStore.Sums day : sums) {
      if (day.day() != null && !day.isNothing()) {
        days.add(day.day());
        currencies.add(day.currency());
      }
    }
    for (RevenueStore.Profit day : profits) {
      if (day.day() != null) {
        days.add(day.day());
        currencies.add(day.currency());
      }
    }
    if (currencies.isEmpty()) {
      return new RatesToBase(base, Map.of());
    }
    return exchangeRates.toBase(currencies, days.first(), days.last());
  }

  /** The base currency's sums come without a day and need no rate. */
  private static @Nullable BigDecimal rate(
      RatesToBase rates, String currency, @Nullable LocalDate day) {
    return day == null ? BigDecimal.ONE : rates.rate(currency, day);
  }

  private static Comparator<String> baseFirst(String base) {
    return Comparator.comparing((String currency) -> !currency.equals(base))
        .thenComparing(Comparator.naturalOrder());
  }

  /** Adds a currency's sums of many days up, each converted by a factor. */
  private static final class Figures {
    private final String currency;
    private long orderCount;
    private BigDecimal revenue = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal returns = BigDecimal.ZERO;
    private @Nullable LocalDate first;
    private @Nullable LocalDate last;

    Figures(String currency) {
      this.currency = currency;
    }

    void add(RevenueStore.Sums day, BigDecimal rate) {
      count(day);
      revenue = revenue.add(day.revenue().multiply(rate));
      cost = cost.add(day.cost().multiply(rate));
      returns = returns.add(day.returns().multiply(rate));
    }

    /** Counts the day's orders and dates, not its money. */
    void count(RevenueStore.Sums day) {
      orderCount += day.orderCount();
      if (day.firstOrder() != null && (first == null || day.firstOrder().isBefore(first))) {
        first = day.firstOrder();
      }
      if (day.lastOrder() != null && (last == null || day.lastOrder().isAfter(last))) {
        last = day.lastOrder();
      }
    }

    Revenue.InCurrency inCurrency(BigDecimal workspaceProfit, boolean rounded) {
      RevenueStore.Sums sums =
          new RevenueStore.Sums(currency, null, orderCount, revenue, cost, returns, first, last);
      return RevenueStore.inCurrency(
          sums,
          money(revenue, rounded),
          money(returns, rounded),
          money(cost, rounded),
          workspaceProfit);
    }

    /** Converted sums are kept as money is, to four decimals, once they are added up. */
    private static BigDecimal money(BigDecimal amount, boolean rounded) {
      return rounded ? amount.setScale(4, RoundingMode.HALF_UP) : amount;
    }
  }
}
