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

  private final RevenueStore revenue;
  private final Customers customers;

  RevenueApi(RevenueStore revenue, Customers customers) {
    this.revenue = revenue;
    this.customers = customers;
  }

  @GetMapping("/api/v1/customers/{id}/revenue")
  @PreAuthorize("hasAuthority('ORDER_READ')")
  @Operation(
      summary = "What a customer's orders were worth",
      description =
          "Revenue (confirmed, delivered and paid orders, less return documents such as imported cancellation invoices; returned and cancelled orders count nothing), returns (both kinds), cost, gross profit and margin, profit contribution (share of the workspace's gross profit), order count, first and last order date; from/to (inclusive) bound the order date, default all time; one currency (default CNY).")
  Revenue revenue(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(defaultValue = "CNY") String currency) {
    if (customers.find(user, id).isEmpty()) {
      throw new RecordNotFound("customer", id);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInput("to", "before-from", "to is on or after from");
    }
    if (!currency.matches("[A-Z]{3}")) {
      throw new InvalidInput("currency", "pattern", "a three-letter ISO code such as CNY");
    }
    return revenue.of(id, currency, from, to);
  }
}
