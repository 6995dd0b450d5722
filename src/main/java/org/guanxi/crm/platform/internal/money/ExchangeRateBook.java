package org.guanxi.crm.platform.internal.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.guanxi.crm.platform.ExchangeRates;
import org.guanxi.crm.platform.MissingExchangeRate;
import org.guanxi.crm.platform.NoExchangeRate;
import org.guanxi.crm.platform.RatesToBase;
import org.guanxi.crm.platform.internal.admin.WorkspaceSettingsCache;
import org.springframework.stereotype.Service;

/** The conversions other modules ask for, from the current workspace's rates. */
@Service
class ExchangeRateBook implements ExchangeRates {

  private final ExchangeRateStore store;
  private final WorkspaceSettingsCache settings;

  ExchangeRateBook(ExchangeRateStore store, WorkspaceSettingsCache settings) {
    this.store = store;
    this.settings = settings;
  }

  /** Kept per workspace, as nearly every page and figure of money asks for it. */
  @Override
  public String baseCurrency() {
    return settings.baseCurrency();
  }

  @Override
  public BigDecimal convert(BigDecimal amount, String from, String to, LocalDate onDate) {
    if (from.equals(to)) {
      return amount;
    }
    RatesToBase rates = toBase(Set.of(from, to), onDate, onDate);
    BigDecimal fromRate = required(rates, from, onDate);
    BigDecimal toRate = required(rates, to, onDate);
    return amount.multiply(fromRate).divide(toRate, 4, RoundingMode.HALF_UP);
  }

  @Override
  public RatesToBase toBase(Collection<String> currencies, LocalDate first, LocalDate last) {
    String base = baseCurrency();
    Set<String> others = new LinkedHashSet<>(currencies);
    others.remove(base);
    if (others.isEmpty()) {
      return new RatesToBase(base, Map.of());
    }
    return new RatesToBase(base, store.ratesToBase(base, others, first, last));
  }

  private static BigDecimal required(RatesToBase rates, String currency, LocalDate day) {
    BigDecimal rate = rates.rate(currency, day);
    if (rate == null) {
      throw new NoExchangeRate(new MissingExchangeRate(currency, rates.baseCurrency(), day));
    }
    return rate;
  }
}
