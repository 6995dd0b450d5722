package org.guanxi.crm.opportunities.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.ExchangeRates;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.MissingExchangeRate;
import org.guanxi.crm.platform.RatesToBase;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The weighted forecast of the deals a user may see: a rep's own, a manager's team's, everyone's
 * for the roles that see the whole workspace.
 */
@Service
class ForecastService {

  /** At most this many months in one forecast. */
  static final int MAX_MONTHS = 36;

  private final ForecastStore store;
  private final WorkspaceTime time;
  private final ExchangeRates exchangeRates;

  ForecastService(ForecastStore store, WorkspaceTime time, ExchangeRates exchangeRates) {
    this.store = store;
    this.time = time;
    this.exchangeRates = exchangeRates;
  }

  /** The default period: the past six months, this month and the next five. */
  YearMonth defaultFrom() {
    return thisMonth().minusMonths(6);
  }

  YearMonth defaultTo() {
    return thisMonth().plusMonths(5);
  }

  List<String> currencies(CurrentUser user) {
    return store.currencies(RecordAccess.visible(user, OpportunityStore.holding("f")));
  }

  Forecast forecast(
      CurrentUser user,
      @Nullable YearMonth from,
      @Nullable YearMonth to,
      @Nullable String currency,
      @Nullable UUID pipelineId) {
    YearMonth start = from == null ? defaultFrom() : from;
    YearMonth end = to == null ? (from == null ? defaultTo() : start.plusMonths(11)) : to;
    if (end.isBefore(start)) {
      throw new InvalidInput("to", "before-from", "to is on or after from");
    }
    if (start.plusMonths(MAX_MONTHS - 1).isBefore(end)) {
      throw new InvalidInput(
          "to", "period-too-long", "A forecast spans at most " + MAX_MONTHS + " months");
    }
    if (currency != null && !currency.isBlank() && !currency.matches("[A-Z]{3}")) {
      throw new InvalidInput("currency", "pattern", "a three-letter ISO code such as CNY");
    }
    String base = exchangeRates.baseCurrency();
    String money = currency == null || currency.isBlank() ? base : currency;
    RecordAccess.Condition visible = RecordAccess.visible(user, OpportunityStore.holding("f"));
    List<ForecastStore.Cell> everyCurrency = store.cells(visible, start, end, pipelineId);
    List<ForecastStore.Cell> cells =
        everyCurrency.stream().filter(c -> c.currency().equals(money)).toList();

    Map<String, Sum> months = new LinkedHashMap<>();
    for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
      months.put(m.toString(), new Sum(m.toString(), null));
    }
    long won = 0;
    long lost = 0;
    long cycleDays = 0;
    for (ForecastStore.Cell cell : cells) {
      months.get(cell.month().toString()).add(cell);
      if (cell.status() == OpportunityStatus.WON) {
        won += cell.deals();
        cycleDays += cell.cycleDays();
      } else if (cell.status() == OpportunityStatus.LOST) {
        lost += cell.deals();
      }
    }
    return new Forecast(
        start,
        end,
        money,
        pipelineId,
        months.values().stream().map(Sum::row).toList(),
        grouped(cells, c -> c.ownerId().toString(), ForecastStore.Cell::ownerName),
        grouped(
            cells,
            c -> c.teamId() == null ? "" : c.teamId().toString(),
            ForecastStore.Cell::teamName),
        store.stageOutcomes(visible, start, end, pipelineId),
        new Forecast.Closed(won, lost, cycleDays),
        inBaseCurrency(base, start, end, everyCurrency));
  }

  /**
   * The won and open deals of every currency per month in the base currency, each month at the rate
   * valid on its last day: the latest known for months ahead, as no one knows their rates yet.
   */
  private Forecast.InBaseCurrency inBaseCurrency(
      String base, YearMonth start, YearMonth end, List<ForecastStore.Cell> cells) {
    Set<String> currencies = new TreeSet<>();
    for (ForecastStore.Cell cell : cells) {
      if (cell.status() != OpportunityStatus.LOST) {
        currencies.add(cell.currency());
      }
    }
    Set<String> others = new TreeSet<>(currencies);
    others.remove(base);
    RatesToBase rates =
        others.isEmpty()
            ? new RatesToBase(base, Map.of())
            : exchangeRates.toBase(others, start.atEndOfMonth(), end.atEndOfMonth());
    Map<YearMonth, BaseSum> months = new LinkedHashMap<>();
    for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
      months.put(m, new BaseSum(m.toString()));
    }
    BaseSum total = new BaseSum("total");
    Map<String, LocalDate> missing = new TreeMap<>();
    for (ForecastStore.Cell cell : cells) {
      if (cell.status() == OpportunityStatus.LOST) {
        continue;
      }
      LocalDate monthEnd = cell.month().atEndOfMonth();
      BigDecimal rate = rates.rate(cell.currency(), monthEnd);
      if (rate == null) {
        missing.merge(cell.currency(), monthEnd, (a, b) -> a.isBefore(b) ? a : b);
      }
      months.get(cell.month()).add(cell, rate);
      total.add(cell, rate);
    }
    return new Forecast.InBaseCurrency(
        base,
        List.copyOf(currencies),
        months.values().stream().map(BaseSum::row).toList(),
        total.row(),
        missing.entrySet().stream()
            .map(e -> new MissingExchangeRate(e.getKey(), base, e.getValue()))
            .toList());
  }

  /** Rows per rep or team, the largest expected amount first. */
  private static List<Forecast.Row> grouped(
      List<ForecastStore.Cell> cells,
      Function<ForecastStore.Cell, String> key,
      Function<ForecastStore.Cell, @Nullable String> label) {
    Map<String, Sum> sums = new LinkedHashMap<>();
    for (ForecastStore.Cell cell : cells) {
      if (cell.status() == OpportunityStatus.LOST) {
        continue;
      }
      sums.computeIfAbsent(key.apply(cell), k -> new Sum(k, label.apply(cell))).add(cell);
    }
    List<Forecast.Row> rows = new ArrayList<>(sums.values().stream().map(Sum::row).toList());
    rows.sort(
        Comparator.comparing(Forecast.Row::expected)
            .reversed()
            .thenComparing(r -> r.label() == null ? "" : r.label()));
    return rows;
  }

  /**
   * The open deals per stage of a pipeline that the user may see, added up in the base currency.
   */
  Map<UUID, ForecastStore.StageTotal> openByStage(CurrentUser user, UUID pipelineId) {
    return store.openByStage(RecordAccess.visible(user, OpportunityStore.holding("f")), pipelineId);
  }

  YearMonth thisMonth() {
    return YearMonth.from(time.today());
  }

  /** Adds cells of any currency up in the base currency; a cell without a rate voids the sums. */
  private static final class BaseSum {
    private final String key;
    private long wonDeals;
    private long openDeals;
    private @Nullable BigDecimal won = BigDecimal.ZERO;
    private @Nullable BigDecimal open = BigDecimal.ZERO;
    private @Nullable BigDecimal weighted = BigDecimal.ZERO;

    BaseSum(String key) {
      this.key = key;
    }

    void add(ForecastStore.Cell cell, @Nullable BigDecimal rate) {
      if (cell.status() == OpportunityStatus.WON) {
        wonDeals += cell.deals();
        won = plus(won, cell.amount(), rate);
      } else if (cell.status() == OpportunityStatus.OPEN) {
        openDeals += cell.deals();
        open = plus(open, cell.amount(), rate);
        weighted = plus(weighted, cell.weighted(), rate);
      }
    }

    private static @Nullable BigDecimal plus(
        @Nullable BigDecimal sum, BigDecimal amount, @Nullable BigDecimal rate) {
      return sum == null || rate == null ? null : sum.add(amount.multiply(rate));
    }

    Forecast.BaseRow row() {
      return new Forecast.BaseRow(
          key, wonDeals, money(won), openDeals, money(open), money(weighted));
    }

    private static @Nullable BigDecimal money(@Nullable BigDecimal amount) {
      return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
  }

  /** Adds cells up into one row. */
  private static final class Sum {
    private final String key;
    private final @Nullable String label;
    private long wonDeals;
    private BigDecimal won = BigDecimal.ZERO;
    private long openDeals;
    private BigDecimal open = BigDecimal.ZERO;
    private BigDecimal weighted = BigDecimal.ZERO;

    Sum(String key, @Nullable String label) {
      this.key = key;
      this.label = label;
    }

    void add(ForecastStore.Cell cell) {
      if (cell.status() == OpportunityStatus.WON) {
        wonDeals += cell.deals();
        won = won.add(cell.amount());
      } else if (cell.status() == OpportunityStatus.OPEN) {
        openDeals += cell.deals();
        open = open.add(cell.amount());
        weighted = weighted.add(cell.weighted());
      }
    }

    Forecast.Row row() {
      return new Forecast.Row(
          key,
          label,
          wonDeals,
          won.setScale(2, java.math.RoundingMode.HALF_UP),
          openDeals,
          open.setScale(2, java.math.RoundingMode.HALF_UP),
          weighted.setScale(2, java.math.RoundingMode.HALF_UP));
    }
  }
}
