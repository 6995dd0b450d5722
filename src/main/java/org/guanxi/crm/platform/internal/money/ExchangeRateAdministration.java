package org.guanxi.crm.platform.internal.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.internal.admin.WorkspaceSettingsCache;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The base currency and the exchange rates, as administrators keep them: one rate per currency and
 * day against the base currency, never against itself, always more than zero.
 */
@Service
class ExchangeRateAdministration {

  static final String KIND = "exchange-rate";
  static final String BASE_KIND = "base-currency";
  static final int MAX_LIMIT = 200;

  private final ExchangeRateStore store;
  private final InputValidation validation;
  private final WorkspaceSettingsCache settings;

  ExchangeRateAdministration(
      ExchangeRateStore store, InputValidation validation, WorkspaceSettingsCache settings) {
    this.store = store;
    this.validation = validation;
    this.settings = settings;
  }

  BaseCurrency base() {
    return store.base();
  }

  /**
   * Makes {@code currency} the base currency if the workspace is still at {@code expectedVersion}
   * (any when null). Rates against the former base stay but no longer apply.
   */
  @Transactional
  BaseCurrency changeBase(@Nullable String currency, @Nullable Long expectedVersion) {
    String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      throw new InvalidInput("currency", "notnull", "Choose the base currency");
    }
    if (!Currencies.isKnown(code)) {
      throw unknownCurrency();
    }
    BaseCurrency current = store.base();
    long version = StaleVersion.check(BASE_KIND, expectedVersion, current.version());
    if (!code.equals(current.currency())) {
      if (!store.changeBase(code, version)) {
        throw new StaleVersion(BASE_KIND, store.base().version());
      }
      settings.forgetOnCommit();
    }
    return store.base();
  }

  ExchangeRate get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  ExchangeRateStore.Page list(@Nullable String currency, @Nullable String cursor, int limit) {
    SqlPage.checkLimit(limit, MAX_LIMIT);
    String code = currency == null || currency.isBlank() ? null : currency.strip();
    return store.list(code, cursor, limit);
  }

  /** Adds a rate against the current base currency. */
  @Transactional
  ExchangeRate create(@Nullable ExchangeRateDraft draft) {
    String base = store.base().currency();
    ExchangeRateDraft valid = checked(draft, base, null);
    return get(store.insert(valid.currency(), base, valid.validFrom(), valid.rate()));
  }

  /**
   * Changes a rate's currency, day or figure when {@code expectedVersion} (if given) is still
   * current; it stays a rate against the base it was entered against.
   */
  @Transactional
  ExchangeRate update(UUID id, @Nullable Long expectedVersion, @Nullable ExchangeRateDraft draft) {
    ExchangeRate current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    ExchangeRateDraft valid = checked(draft, current.baseCurrency(), id);
    StaleVersion.unless(
        store.update(id, version, valid.currency(), valid.validFrom(), valid.rate()),
        KIND,
        () -> get(id).version());
    return get(id);
  }

  @Transactional
  void delete(UUID id, @Nullable Long expectedVersion) {
    ExchangeRate current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.delete(id, version), KIND, () -> get(id).version());
  }

  /**
   * Adds the rates of a file against the current base currency, or none of them when a line is bad
   * ({@link ExchangeRateFile.Refused}); a rate of a currency and day that exists already takes the
   * file's figure, so that importing a corrected file again puts it right.
   */
  @Transactional
  ExchangeRateStore.Imported importFile(byte[] content) {
    String base = store.base().currency();
    List<ExchangeRateFile.Line> lines = ExchangeRateFile.read(content, base);
    return store.importRates(base, lines);
  }

  private ExchangeRateDraft checked(
      @Nullable ExchangeRateDraft draft, String base, @Nullable UUID except) {
    validation.check(draft);
    Objects.requireNonNull(draft);
    String currency = Objects.requireNonNull(draft.currency());
    LocalDate validFrom = Objects.requireNonNull(draft.validFrom());
    BigDecimal rate = Objects.requireNonNull(draft.rate());
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    if (!Currencies.isKnown(currency)) {
      errors.add(unknownCurrency().errors().get(0));
    } else if (currency.equals(base)) {
      errors.add(
          new InvalidInput.FieldError(
              "currency",
              "same-as-base",
              currency + " is the base currency: its rate is always 1"));
    } else if (store.taken(currency, base, validFrom, except)) {
      errors.add(
          new InvalidInput.FieldError(
              "validFrom",
              "rate-exists",
              "There is a rate of " + currency + " from this day already: change that one"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return draft;
  }

  private static InvalidInput unknownCurrency() {
    return new InvalidInput(
        "currency", "unknown-currency", "Not an ISO 4217 code such as CNY, GBP or USD");
  }
}
