package org.guanxi.crm.orders.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.orders.OrderDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(
    name = "Orders",
    description =
        "Customers' orders with their lines, statuses, and totals computed from the lines")
class OrderApi {

  record OrderList(List<Order> items, @Nullable String nextCursor) {}

  private final OrderService orders;

  OrderApi(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  @Operation(
      summary = "Create an order",
      description =
          "A line's unit price defaults to the customer's price-list price, else the list price. status CONFIRMED places the order at once. Honours Idempotency-Key.")
  ResponseEntity<Order> create(
      @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OrderDraft draft) {
    Order created = orders.create(user, draft);
    return VersionedResponses.created("/api/v1/orders/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ORDER_READ')")
  @Operation(
      summary = "List orders",
      description =
          "The orders of customers you may see, newest order date first; from/to bound the order date (inclusive). Pages by cursor.")
  OrderList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(required = false) @Nullable OrderStatus status,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidInput("to", "before-from", "to is on or after from");
    }
    OrderStore.Page page =
        orders.list(user, new OrderQuery(customerId, status, ownerId, from, to, cursor, limit));
    return new OrderList(page.items(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ORDER_READ')")
  @Operation(summary = "Read an order with its lines")
  ResponseEntity<Order> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(orders.get(user, id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  @Operation(
      summary = "Change an order",
      description =
          "A JSON merge patch (lines are replaced as a whole). Owner and notes change at any time, the rest only in DRAFT.")
  ResponseEntity<Order> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.applyAt(OrderService.KIND, user, id, orders::get, Order::draft, orders::update));
  }

  @PostMapping("/{id}/transitions")
  @PreAuthorize("hasAuthority('ORDER_WRITE')")
  @Operation(
      summary = "Move an order to another status",
      description =
          "DRAFT → CONFIRMED or CANCELLED; CONFIRMED → DELIVERED, PAID (paid before delivery) or CANCELLED; "
              + "DELIVERED → PAID or RETURNED; PAID → RETURNED once delivered. A PAID order not yet delivered "
              + "(deliveredOn null) is delivered with status DELIVERED: deliveredOn is set and it stays PAID; it "
              + "can be neither returned (422 order-not-delivered) nor cancelled (422 order-paid). date (default "
              + "today) is the day of delivery or payment.")
  ResponseEntity<Order> transition(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @Valid @RequestBody OrderService.Transition transition) {
    return VersionedResponses.ok(orders.transition(user, id, ifMatch.version(), transition));
  }
}
