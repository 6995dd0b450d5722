package org.guanxi.crm.orders.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.catalogue.LineInput;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.orders.OrderDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The order pages: the list, an order with its status buttons, and the new-order form. */
@Controller
@RequestMapping("/orders")
class OrderPages {

  /** How many empty lines the new-order form offers. */
  static final int FORM_LINES = 6;

  private final OrderService orders;
  private final Products products;
  private final Customers customers;

  OrderPages(OrderService orders, Products products, Customers customers) {
    this.orders = orders;
    this.products = products;
    this.customers = customers;
  }

  /** The filter of the list: the status. */
  record Filter(@Nullable OrderStatus status) {}

  /** The list, or its rows ({@code /rows}): the status filter and the "more" button fetch these. */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('ORDER_READ')")
  String list(ListRows list, Filter filter) {
    OrderStore.Page page =
        orders.list(
            list.user(),
            new OrderQuery(null, filter.status(), null, null, null, list.cursor(), 50));
    list.model().addAttribute("statuses", OrderStatus.values());
    return list.show("orders/orders", filter, page.items(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ORDER_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Order order = orders.get(user, id);
    model.addAttribute("order", order);
    model.addAttribute("nextStatuses", order.nextStatuses());
    return "orders/order";
  }

  @PostMapping("/{id}/transitions")
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  String transition(
      PageChange change, @RequestParam(required = false) @Nullable OrderStatus status) {
    return change.make(
        () -> {
          if (status == null) {
            throw new InvalidInput("status", "notnull", "Choose a status");
          }
          orders.transition(
              change.user(),
              change.id(),
              change.version(),
              new OrderService.Transition(status, null));
          return "redirect:/orders/" + change.id();
        },
        () -> show(change.user(), change.id(), change.model()));
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  String newOrder(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      Model model) {
    return form(
        user,
        model,
        customerId,
        orders.today().toString(),
        "",
        LineInput.padded(List.of(), FORM_LINES));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(defaultValue = "") String orderDate,
      @RequestParam(defaultValue = "") String notes,
      @RequestParam(defaultValue = "DRAFT") OrderStatus status,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    List<LineInput> typed = LineInput.typed(form);
    try {
      if (customerId == null) {
        throw new InvalidInput("customerId", "unknown-customer", "Choose a customer");
      }
      List<OrderDraft.Line> lines =
          LineInput.filled(typed, "unknown-product", "There is no such product").stream()
              .map(
                  line ->
                      new OrderDraft.Line(
                          line.productId(),
                          line.description(),
                          line.quantity(),
                          line.unitPrice(),
                          line.discountPercent(),
                          null))
              .toList();
      OrderDraft draft =
          new OrderDraft(
              customerId,
              null,
              FormFields.date(orderDate, "orderDate"),
              null,
              null,
              status,
              notes,
              lines);
      return "redirect:/orders/" + orders.create(user, draft).id();
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      return form(user, model, customerId, orderDate, notes, typed);
    }
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "orders/order-not-found";
  }

  private String form(
      CurrentUser user,
      Model model,
      @Nullable UUID customerId,
      String orderDate,
      String notes,
      List<LineInput> lines) {
    CustomerSummary customer =
        customerId == null ? null : customers.find(user, customerId).orElse(null);
    model.addAttribute("customer", customer);
    model.addAttribute("orderDate", orderDate);
    model.addAttribute("notes", notes);
    model.addAttribute("lines", lines);
    model.addAttribute("products", products.forSale(200));
    return "orders/order-new";
  }
}
