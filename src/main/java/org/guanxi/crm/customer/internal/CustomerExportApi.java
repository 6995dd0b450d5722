package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Problems;
import org.guanxi.crm.platform.imports.SpreadsheetCsv;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class CustomerExportApi {

  private final CustomerExports exports;
  private final CustomerService customers;
  private final Clock clock;

  CustomerExportApi(CustomerExports exports, CustomerService customers, Clock clock) {
    this.exports = exports;
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping("/api/v1/customers/export")
  @PreAuthorize("hasAuthority('CUSTOMER_EXPORT')")
  @Operation(
      summary = "Export customers as CSV",
      description =
          "The filters of the list. UTF-8 with a byte order mark; personal data masked unless reveal=true (needs "
              + "PERSONAL_DATA_REVEAL); more than 1,000 customers need CUSTOMER_EXPORT_LARGE. Every export is audited.")
  void export(
      @AuthenticationPrincipal CurrentUser user,
      @ParameterObject CustomerFilters filters,
      @RequestParam(defaultValue = "false") boolean reveal,
      @Parameter(description = "cf.<key>=value filters by a custom field") @RequestParam
          Map<String, String> parameters,
      HttpServletResponse response)
      throws IOException {
    CustomerExports.Export export =
        exports.start(
            user,
            filters.query(
                customers.customFieldFilter(parameters), null, CustomerQuery.DEFAULT_LIMIT),
            reveal);
    send(export, response, exports, clock);
  }

  static void send(
      CustomerExports.Export export,
      HttpServletResponse response,
      CustomerExports exports,
      Clock clock)
      throws IOException {
    exports.write(
        export, SpreadsheetCsv.download(response, "customers-" + LocalDate.now(clock) + ".csv"));
  }

  @ExceptionHandler
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ProblemDetail tooLarge(LargeExportNotAllowed e) {
    return Problems.of(
        HttpStatus.FORBIDDEN, "large-export-not-allowed", "Export too large", e.getMessage());
  }
}
