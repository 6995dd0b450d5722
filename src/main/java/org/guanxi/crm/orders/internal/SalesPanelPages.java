package org.guanxi.crm.orders.internal;

import java.util.UUID;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.RecordNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The sales section of the customer 360 page (fetched by htmx): revenue and gross profit of all
 * time in each currency of the customer's orders and added up in the base currency, and the latest
 * orders.
 */
@Controller
class SalesPanelPages {

  private final RevenueService revenue;
  private final OrderService orders;
  private final Customers customers;

  SalesPanelPages(RevenueService revenue, OrderService orders, Customers customers) {
    this.revenue = revenue;
    this.orders = orders;
    this.customers = customers;
  }

  @GetMapping("/customers/{id}/sales-panel")
  @PreAuthorize("hasAuthority('ORDER_READ')")
  String panel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    if (customers.find(user, id).isEmpty()) {
      throw new RecordNotFound("customer", id);
    }
    model.addAttribute("customerId", id);
    model.addAttribute("revenue", revenue.inEveryCurrency(id, null, null));
    model.addAttribute(
        "recentOrders",
        orders.list(user, new OrderQuery(id, null, null, null, null, null, 5)).items());
    return "orders/sales-panel :: panel";
  }

  /** An invisible customer's panel is empty: the customer page itself says it is not found. */
  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  @ResponseBody
  String notFound() {
    return "";
  }
}
