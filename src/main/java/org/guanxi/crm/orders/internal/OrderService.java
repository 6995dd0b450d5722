package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.guanxi.crm.catalogue.LinePricing;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.orders.OrderDelivered;
import org.guanxi.crm.orders.OrderDraft;
import org.guanxi.crm.orders.OrderPlaced;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.orders.Orders;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and moving orders along their statuses. A user sees an order when they may see
 * its customer, and may change the orders they see (with the write permission).
 */
@Service
class OrderService implements Orders {

  static final String KIND = "order";

  private final OrderStore store;
  private final Customers customers;
  private final LinePricing pricing;
  private final UserDirectory users;
  private final InputValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  /** Business dates (the order date, "delivered today") are those of the workspace's own day. */
  private final WorkspaceTime time;

  OrderService(
      OrderStore store,
      Customers customers,
      LinePricing pricing,
      UserDirectory users,
      InputValidation validation,
      ApplicationEventPublisher events,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.customers = customers;
    this.pricing = pricing;
    this.users = users;
    this.validation = validation;
    this.events = events;
    this.clock = clock;
    this.time = time;
  }

  /** A move to another status, on a given day (today when left out). */
  record Transition(
      @jakarta.validation.constraints.NotNull OrderStatus status, @Nullable LocalDate date) {}

  @Transactional
  @Override
  public UUID createOrder(CurrentUser user, OrderDraft draft) {
    return create(user, draft).id();
  }

  Order create(CurrentUser user, OrderDraft draft) {
    validation.check(draft);
    OrderStatus status = draft.status() == null ? OrderStatus.DRAFT : draft.status();
    if (status != OrderStatus.DRAFT && status != OrderStatus.CONFIRMED) {
      throw new InvalidInput(
          "status", "invalid-initial-status", "A new order is DRAFT or CONFIRMED");
    }
    CustomerSummary customer = customers.require(user, draft.customerId());
    UUID ownerId = owner(user, draft.ownerId(), null);
    List<Order.Line> lines = settle(user, customer, draft, true);
    String number =
        draft.number() == null ? store.nextNumber() : available(draft.number().strip(), null);
    UUID id = Ids.newId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    store.insert(id, content(draft, customer, ownerId, number, status, lines), now);
    Order order = get(user, id);
    if (status == OrderStatus.CONFIRMED) {
      events.publishEvent(placed(user, order, now));
    }
    return order;
  }

  Order get(CurrentUser user, UUID id) {
    Order order =
        store
            .find(id)
            .filter(o -> customers.find(user, o.customerId()).isPresent())
            .orElseThrow(() -> new RecordNotFound(KIND, id));
    return order.withOwnerName(users.displayName(order.ownerId()));
  }

  /** The orders the user sees whose number starts with {@code prefix} (the search box). */
  List<Order> numbered(CurrentUser user, String prefix, int limit) {
    return store.numbered(
        customers.visibleCustomers(user, "o.customer_id"), prefix.toUpperCase(Locale.ROOT), limit);
  }

  OrderStore.Page list(CurrentUser user, OrderQuery query) {
    SqlPage.checkLimit(query.limit(), OrderQuery.MAX_LIMIT);
    OrderStore.Page page = store.list(customers.visibleCustomers(user, "o.customer_id"), query);
    Function<UUID, @Nullable String> owners = users.displayNames();
    List<Order> named =
        page.items().stream().map(o -> o.withOwnerName(owners.apply(o.ownerId()))).toList();
    return new OrderStore.Page(named, page.nextCursor());
  }

  /**
   * Changes an order. Its owner and notes may change at any time; its customer, number, date,
   * currency and lines only while it is a draft.
   */
  @Transactional
  Order update(CurrentUser user, UUID id, @Nullable Long expectedVersion, OrderDraft draft) {
    Order current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    boolean placed = current.status() != OrderStatus.DRAFT;
    if (placed && sameTerms(current.draft(), draft)) {
      // its lines stay as they are, however many an import gave it (more than a draft may have)
      validation.checkProperties(draft, "notes");
    } else {
      validation.check(draft);
    }
    if (draft.status() != null && draft.status() != current.status()) {
      throw new InvalidInput(
          "status", "use-transition", "The status changes through the transitions of an order");
    }
    if (placed) {
      return changeOwnerAndNotes(user, current, version, draft);
    }
    CustomerSummary customer = customers.require(user, draft.customerId());
    UUID ownerId = owner(user, draft.ownerId(), current.ownerId());
    List<Order.Line> lines = settle(user, customer, draft, false);
    String number =
        draft.number() == null ? current.number() : available(draft.number().strip(), id);
    OrderStore.Content content = content(draft, customer, ownerId, number, current.status(), lines);
    StaleVersion.unless(
        store.update(id, version, content, clock.instant()), KIND, () -> get(user, id).version());
    return get(user, id);
  }

  private Order changeOwnerAndNotes(
      CurrentUser user, Order current, long version, OrderDraft draft) {
    if (!sameTerms(current.draft(), draft)) {
      throw new InvalidInput(
          "status",
          "order-not-draft",
          "Only a draft order's customer, number, date, currency and lines can change");
    }
    UUID ownerId = owner(user, draft.ownerId(), current.ownerId());
    StaleVersion.unless(
        store.changeOwnerAndNotes(current.id(), version, ownerId, draft.notes(), clock.instant()),
        KIND,
        () -> get(user, current.id()).version());
    return get(user, current.id());
  }

  @Transactional
  Order transition(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, Transition transition) {
    validation.check(transition);
    Order current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    OrderStatus target = transition.status();
    if (!current.nextStatuses().contains(target)) {
      throw refused(current, target);
    }
    LocalDate on = transition.date() == null ? today() : transition.date();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean changed =
        store.changeStatus(
            id,
            version,
            current.status().after(target),
            target == OrderStatus.DELIVERED ? on : current.deliveredOn(),
            target == OrderStatus.PAID ? on : current.paidOn(),
            now);
    StaleVersion.unless(changed, KIND, () -> get(user, id).version());
    Order order = get(user, id);
    if (target == OrderStatus.CONFIRMED) {
      events.publishEvent(placed(user, order, now));
    } else if (target == OrderStatus.DELIVERED) {
      events.publishEvent(
          new OrderDelivered(
              user.workspaceId(),
              order.id(),
              order.customerId(),
              order.number(),
              order.amount(),
              order.currency(),
              now,
              user.displayName()));
    }
    return order;
  }

  /** Why the order cannot move to {@code target}, in the words of the broken rule. */
  private static InvalidInput refused(Order current, OrderStatus target) {
    if (current.awaitsDelivery() && target == OrderStatus.RETURNED) {
      return new InvalidInput(
          "status",
          "order-not-delivered",
          "The order has been paid but not delivered: it can be returned only once delivered");
    }
    if (current.awaitsDelivery() && target == OrderStatus.CANCELLED) {
      return new InvalidInput(
          "status",
          "order-paid",
          "The order has been paid: it cannot be cancelled, since refunds are not recorded here");
    }
    return new InvalidInput(
        "status",
        "invalid-transition",
        "A "
            + current.status()
            + (current.awaitsDelivery() ? " (not delivered)" : "")
            + " order cannot become "
            + target
            + "; it may become "
            + current.nextStatuses());
  }

  LocalDate today() {
    return time.today();
  }

  private OrderPlaced placed(CurrentUser user, Order order, Instant now) {
    return new OrderPlaced(
        user.workspaceId(),
        order.id(),
        order.customerId(),
        order.number(),
        order.amount(),
        order.currency(),
        now,
        user.displayName(),
        order.orderDate().equals(time.today()) ? now : time.startOf(order.orderDate()),
        user.id());
  }

  private OrderStore.Content content(
      OrderDraft draft,
      CustomerSummary customer,
      UUID ownerId,
      String number,
      OrderStatus status,
      List<Order.Line> lines) {
    return new OrderStore.Content(
        number,
        customer.id(),
        customer.name(),
        ownerId,
        status,
        draft.orderDate() == null ? today() : draft.orderDate(),
        currency(draft),
        draft.notes() == null || draft.notes().isBlank() ? null : draft.notes().strip(),
        lines);
  }

  private static String currency(OrderDraft draft) {
    return draft.currency() == null ? Currencies.DEFAULT : draft.currency();
  }

  /**
   * The draft's lines with their prices and costs settled: what a line leaves out comes from its
   * product, its price from the customer's price list or else the product's list price.
   */
  private List<Order.Line> settle(
      CurrentUser user, CustomerSummary customer, OrderDraft draft, boolean newOrder) {
    String currency = currency(draft);
    List<Order.Line> lines = new ArrayList<>();
    for (LinePricing.Priced line :
        pricing.price(user, customer, currency, draft.inputs(), newOrder)) {
      Product product = line.product();
      BigDecimal unitCost = draft.lines().get(line.position() - 1).unitCost();
      if (unitCost == null) {
        unitCost =
            product != null && product.currency().equals(currency)
                ? product.unitCost()
                : BigDecimal.ZERO;
      }
      BigDecimal cost = line.quantity().multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
      lines.add(
          new Order.Line(
              line.position(),
              line.productId(),
              line.description(),
              line.quantity(),
              line.unitPrice(),
              line.discountPercent(),
              unitCost,
              line.amount(),
              cost));
    }
    return lines;
  }

  private String available(String number, @Nullable UUID self) {
    if (store.numberTaken(number, self)) {
      throw new InvalidInput("number", "number-taken", "Another order has this number");
    }
    return number;
  }

  /** The order's owner: the caller unless another is named, whom the caller may then assign. */
  private UUID owner(CurrentUser user, @Nullable UUID requested, @Nullable UUID current) {
    UUID ownerId = requested != null ? requested : current != null ? current : user.id();
    if (ownerId.equals(user.id()) || ownerId.equals(current)) {
      return ownerId;
    }
    return users.assignableBy(user, ownerId, "orders").id();
  }

  private static boolean sameTerms(OrderDraft current, OrderDraft changed) {
    return current.customerId().equals(changed.customerId())
        && (changed.number() == null || current.number().equals(changed.number().strip()))
        && (changed.orderDate() == null || changed.orderDate().equals(current.orderDate()))
        && current.currency().equals(currency(changed))
        && LinePricing.Input.same(current.inputs(), changed.inputs())
        && sameUnitCosts(current.lines(), changed.lines());
  }

  /** Whether lines already found alike (as many, in order) have the same unit costs. */
  private static boolean sameUnitCosts(
      List<OrderDraft.Line> current, List<OrderDraft.Line> changed) {
    for (int i = 0; i < current.size(); i++) {
      if (!LinePricing.sameNumber(current.get(i).unitCost(), changed.get(i).unitCost())) {
        return false;
      }
    }
    return true;
  }
}
