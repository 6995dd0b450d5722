package org.guanxi.crm.orders.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class RevenueApi {

  private final RevenueService revenue;
  private final Customers customers;

  RevenueApi(RevenueService revenue, Customers customers) {
    this.revenue = revenue;
    this.customers = customers;
  }

  @GetMapping("/api/v1/customers/{id}/revenue")
  @PreAuthorize("hasAuthority('ORDER_READ')")
  @Operation(
      summary = "What a customer's orders were worth",
      description =
          "Revenue (confirmed, delivered and paid orders, less return documents such as imported cancellation invoices; returned and cancelled orders count nothing), returns (both kinds), cost, gross profit and margin, profit contribution (share of the workspace's gross profit), order count, first and last order date; from/to (inclusive) bound the order date, default all time."
              + " With currency, the figures of the orders in that currency alone. Without, currencies[] holds the figures of each currency the customer's orders are in, and the figures at the top add them up in the workspace's base currency (currency), each order converted at the rate valid on its date;"
              + " when a rate is missing, missingRates[] names the currency and the first date without one and the money figures at the top are null (counts and dates still cover every order).")
  Revenue revenue(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable String currency) {
    if (customers.find(user, id).isEmpty()) {
      throw new RecordNotFound("customer", id);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInput("to", "before-from", "to is on or after from");
    }
    String oneCurrency = currency == null || currency.isBlank() ? null : currency.strip();
    if (oneCurrency != null && !oneCurrency.matches("[A-Z]{3}")) {
      throw new InvalidInput("currency", "pattern", "a three-letter ISO code such as CNY");
    }
    return revenue.of(id, oneCurrency, from, to);
  }
}
