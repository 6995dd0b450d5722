package org.guanxi.crm.platform.internal.money;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.Problems;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/exchange-rates")
@Tag(
    name = "Exchange rates",
    description =
        "What one unit of a currency is worth in the workspace's base currency from a day on: totals in the base"
            + " currency convert each sum at the rate valid on its day (the latest rate from that day or before)")
class ExchangeRateApi {

  static final String READERS =
      "hasAnyAuthority('EXCHANGE_RATE_WRITE', 'ORDER_READ', 'OPPORTUNITY_READ')";

  record ExchangeRateList(List<ExchangeRate> items, @Nullable String nextCursor) {}

  /** What an import did: lines read, rates added, rates changed, lines that were already so. */
  record ImportOutcome(int lines, int created, int changed, int unchanged) {}

  private final ExchangeRateAdministration rates;

  ExchangeRateApi(ExchangeRateAdministration rates) {
    this.rates = rates;
  }

  @GetMapping
  @PreAuthorize(READERS)
  @Operation(
      summary = "List exchange rates",
      description =
          "By currency, each currency's latest first, paged by cursor; currency narrows to one. inUse tells whether"
              + " the rate is against the current base currency (rates entered against a former base no longer apply).")
  ExchangeRateList list(
      @RequestParam(required = false) @Nullable String currency,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    ExchangeRateStore.Page page = rates.list(currency, cursor, limit);
    return new ExchangeRateList(page.items(), page.nextCursor());
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  @Operation(
      summary = "Add an exchange rate",
      description =
          "currency (ISO 4217, not the base currency), validFrom (a date) and rate (more than zero: one unit of the"
              + " currency in the base currency), against the current base currency. One rate per currency and day.")
  ResponseEntity<ExchangeRate> create(
      @RequestBody(required = false) @Nullable ExchangeRateDraft draft) {
    ExchangeRate created = rates.create(draft);
    return VersionedResponses.created("/api/v1/exchange-rates/" + created.id(), created);
  }

  @GetMapping("/{id}")
  @PreAuthorize(READERS)
  @Operation(summary = "Read an exchange rate")
  ResponseEntity<ExchangeRate> get(@PathVariable UUID id) {
    return VersionedResponses.ok(rates.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  @Operation(
      summary = "Change an exchange rate",
      description = "A JSON merge patch of currency, validFrom and rate.")
  ResponseEntity<ExchangeRate> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(patch.apply(id, rates::get, ExchangeRate::draft, rates::update));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  @Operation(summary = "Delete an exchange rate")
  ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
    rates.delete(id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/import")
  @PreAuthorize("hasAuthority('EXCHANGE_RATE_WRITE')")
  @Operation(
      summary = "Import exchange rates from a CSV file",
      description =
          "A part named file: one rate a line as currency,date,rate (GBP,2026-01-01,9.1234), an optional header"
              + " line, comma, semicolon or tab, UTF-8 or GBK, at most 10,000 lines and 1 MB; against the current"
              + " base currency. Read in the request. A rate of a currency and day that exists takes the file's"
              + " figure. A file with a bad line is refused as a whole (422 invalid-rates-file, errors[] naming"
              + " each bad line by its number, the first line being 1).")
  ImportOutcome importFile(@RequestPart("file") MultipartFile file) throws IOException {
    ExchangeRateStore.Imported imported = rates.importFile(file.getBytes());
    return new ImportOutcome(
        imported.created() + imported.changed() + imported.unchanged(),
        imported.created(),
        imported.changed(),
        imported.unchanged());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(ExchangeRateFile.Refused e) {
    return ResponseEntity.unprocessableContent()
        .body(
            Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "invalid-rates-file",
                "Bad lines in the file",
                "Some lines are not rates; nothing was imported.",
                "errors",
                e.problems()));
  }
}
