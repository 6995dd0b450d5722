package org.guanxi.crm.platform.internal.money;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/base-currency")
@Tag(name = "Exchange rates")
class BaseCurrencyApi {

  /** The input of choosing the base currency. */
  record Change(@Nullable String currency) {}

  private final ExchangeRateAdministration rates;

  BaseCurrencyApi(ExchangeRateAdministration rates) {
    this.rates = rates;
  }

  @GetMapping
  @PreAuthorize(ExchangeRateApi.READERS)
  @Operation(
      summary = "The base currency",
      description =
          "The currency totals, the forecast and analytics add money up in (CNY by default).")
  ResponseEntity<BaseCurrency> get() {
    return VersionedResponses.ok(rates.base());
  }

  @PutMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Choose the base currency",
      description =
          "currency: an ISO 4217 code (422 otherwise). Rates entered against the former base stay but no longer"
              + " apply.")
  ResponseEntity<BaseCurrency> put(
      @RequestBody(required = false) @Nullable Change change, IfMatch ifMatch) {
    return VersionedResponses.ok(
        rates.changeBase(change == null ? null : change.currency(), ifMatch.version()));
  }
}
