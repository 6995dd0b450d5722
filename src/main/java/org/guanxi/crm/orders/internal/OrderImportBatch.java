package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.Customers.KeyedCustomer;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.orders.internal.OrderLineRules.Checked;
import org.guanxi.crm.orders.internal.OrderLineRules.Values;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Settles a batch of checked lines inside the caller's transaction: groups them into orders by
 * number, finds (and, when the import says so, creates) their customers and products with one
 * statement each, and writes the orders and lines in bulk. An order whose lines run over into the
 * next batch is continued there; a number that an order outside this import has is not touched.
 *
 * <p>An imported order is history: a sale is PAID, delivered and paid on its order date; a return
 * (its number starts with the return prefix, or its quantities are negative) is RETURNED, its
 * quantities and amounts positive. Its owner is the importing user.
 */
@Component
class OrderImportBatch {

  /** What a batch came to. */
  record Counts(
      int lines,
      int imported,
      int orders,
      int returns,
      int withoutCustomer,
      int rejected,
      int customersCreated,
      int productsCreated) {}

  /** A line that was not imported, and why. */
  record Unimported(int number, OrderLineProblem problem, List<String> cells) {}

  record Settled(Counts counts, List<Unimported> unimported) {}

  static final String DEFAULT_UNIT = "pcs";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The lines of one order number in the batch, and what they share. */
  private static final class Group {
    final String number;
    final ImportedOrderStore.@Nullable Existing existing;
    final String customerKey;
    final String currency;
    final OrderKind kind;
    final List<Checked> lines = new ArrayList<>();
    @Nullable KeyedCustomer customer;

    Group(
        String number,
        ImportedOrderStore.@Nullable Existing existing,
        String customerKey,
        String currency,
        OrderKind kind) {
      this.number = number;
      this.existing = existing;
      this.customerKey = customerKey;
      this.currency = currency;
      this.kind = kind;
    }
  }

  private final Customers customers;
  private final Products products;
  private final ImportedOrderStore orders;

  OrderImportBatch(Customers customers, Products products, ImportedOrderStore orders) {
    this.customers = customers;
    this.products = products;
    this.orders = orders;
  }

  Settled settle(
      CurrentUser actor,
      UUID importId,
      String fileName,
      OrderImportOptions options,
      List<Checked> lines,
      Instant now) {
    List<Unimported> unimported = new ArrayList<>();
    Map<String, List<Checked>> byNumber = new LinkedHashMap<>();
    for (Checked line : lines) {
      if (line.problem() != null || line.values() == null) {
        unimported.add(new Unimported(line.number(), line.problem(), line.cells()));
      } else {
        byNumber.computeIfAbsent(line.values().orderNumber(), n -> new ArrayList<>()).add(line);
      }
    }
    List<Group> groups = groups(importId, options, byNumber, unimported);
    int customersCreated = findCustomers(actor, importId, fileName, options, groups, unimported);
    groups.removeIf(g -> g.customer == null);
    Map<String, Products.Coded> known = new HashMap<>();
    int productsCreated = findProducts(options, groups, known, now);

    List<ImportedOrderStore.NewOrder> newOrders = new ArrayList<>();
    List<ImportedOrderStore.NewLine> newLines = new ArrayList<>();
    List<ImportedOrderStore.Addition> additions = new ArrayList<>();
    int sales = 0;
    int returns = 0;
    for (Group group : groups) {
      UUID orderId = group.existing == null ? Ids.newId() : group.existing.id();
      int position = group.existing == null ? 0 : group.existing.lastPosition();
      BigDecimal amount = BigDecimal.ZERO;
      BigDecimal cost = BigDecimal.ZERO;
      for (Checked checked : group.lines) {
        Values line = checked.values();
        Products.Coded product =
            line.productCode() == null ? null : known.get(codeKey(line.productCode()));
        String description =
            line.description() != null
                ? line.description()
                : product != null ? product.name() : line.productCode();
        BigDecimal unitCost =
            line.unitCost() != null
                ? line.unitCost()
                : product != null && product.currency().equals(group.currency)
                    ? product.unitCost()
                    : BigDecimal.ZERO;
        BigDecimal quantity = line.quantity().abs();
        BigDecimal lineAmount =
            quantity
                .multiply(line.unitPrice())
                .multiply(HUNDRED.subtract(line.discountPercent()))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal lineCost = quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
        amount = amount.add(lineAmount);
        cost = cost.add(lineCost);
        newLines.add(
            new ImportedOrderStore.NewLine(
                orderId,
                ++position,
                product == null ? null : product.id(),
                description == null ? "" : description,
                quantity,
                line.unitPrice(),
                line.discountPercent(),
                unitCost,
                lineAmount,
                lineCost));
      }
      KeyedCustomer customer = group.customer;
      if (group.existing != null) {
        additions.add(new ImportedOrderStore.Addition(orderId, amount, cost));
        continue;
      }
      Values first = group.lines.get(0).values();
      boolean sale = group.kind == OrderKind.SALE;
      newOrders.add(
          new ImportedOrderStore.NewOrder(
              orderId,
              group.number,
              customer.id(),
              customer.name(),
              sale ? OrderStatus.PAID : OrderStatus.RETURNED,
              group.kind,
              first.orderDate(),
              first.orderDate(),
              sale ? first.orderDate() : null,
              group.currency,
              group.lines.stream()
                  .map(line -> line.values().country())
                  .filter(c -> c != null)
                  .findFirst()
                  .orElse(null),
              amount,
              cost));
      if (sale) {
        sales++;
      } else {
        returns++;
      }
    }
    orders.write(importId, actor.id(), now, newOrders, newLines, additions);
    int withoutCustomer =
        (int) unimported.stream().filter(u -> u.problem().isMissingCustomer()).count();
    unimported.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return new Settled(
        new Counts(
            lines.size(),
            newLines.size(),
            sales,
            returns,
            withoutCustomer,
            unimported.size() - withoutCustomer,
            customersCreated,
            productsCreated),
        unimported);
  }

  /**
   * The batch's orders, each with the lines that belong to it: the same customer and currency as
   * its first line (or as the order an earlier batch began), quantities of the kind's sign.
   */
  private List<Group> groups(
      UUID importId,
      OrderImportOptions options,
      Map<String, List<Checked>> byNumber,
      List<Unimported> unimported) {
    Map<String, ImportedOrderStore.Existing> existing = orders.existing(byNumber.keySet());
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<Checked>> entry : byNumber.entrySet()) {
      String number = entry.getKey();
      ImportedOrderStore.Existing earlier = existing.get(number);
      if (earlier != null && !importId.equals(earlier.importId())) {
        entry
            .getValue()
            .forEach(line -> unimported.add(unimported(line, OrderLineProblem.ORDER_EXISTS)));
        continue;
      }
      Values first = entry.getValue().get(0).values();
      boolean prefixed =
          !options.returnPrefix().isEmpty() && number.startsWith(options.returnPrefix());
      OrderKind kind =
          earlier != null
              ? earlier.kind()
              : prefixed || first.quantity().signum() < 0 ? OrderKind.RETURN : OrderKind.SALE;
      Group group =
          new Group(
              number,
              earlier,
              first.customerKey(),
              earlier != null ? earlier.currency() : first.currency(),
              kind);
      for (Checked line : entry.getValue()) {
        Values values = line.values();
        if (!values.customerKey().equals(group.customerKey)) {
          unimported.add(unimported(line, OrderLineProblem.OTHER_CUSTOMER));
        } else if (!values.currency().equals(group.currency)) {
          unimported.add(unimported(line, OrderLineProblem.OTHER_CURRENCY));
        } else if (!prefixed && (kind == OrderKind.SALE) != (values.quantity().signum() > 0)) {
          unimported.add(unimported(line, OrderLineProblem.QUANTITY_SIGN));
        } else {
          group.lines.add(line);
        }
      }
      if (!group.lines.isEmpty()) {
        groups.add(group);
      }
    }
    return groups;
  }

  /**
   * Gives each order its customer by key, with one query, creating the missing ones with one
   * statement when the import says so; orders without a customer the user may see are reported.
   * Returns how many customers were created.
   */
  private int findCustomers(
      CurrentUser actor,
      UUID importId,
      String fileName,
      OrderImportOptions options,
      List<Group> groups,
      List<Unimported> unimported) {
    Set<String> keys = groups.stream().map(g -> g.customerKey).collect(Collectors.toSet());
    Map<String, KeyedCustomer> found = new HashMap<>(customers.findByExternalKeys(actor, keys));
    int created = 0;
    if (options.createCustomers()) {
      Map<String, @Nullable String> missing = new LinkedHashMap<>();
      for (Group group : groups) {
        if (!found.containsKey(group.customerKey)) {
          String name = missing.get(group.customerKey);
          if (name == null) {
            name =
                group.lines.stream()
                    .map(line -> line.values().customerName())
                    .filter(n -> n != null)
                    .findFirst()
                    .orElse(null);
            missing.put(group.customerKey, name);
          }
        }
      }
      if (!missing.isEmpty()) {
        Map<String, KeyedCustomer> made =
            customers.createWithExternalKeys(
                actor,
                missing,
                options.customerKind(),
                Map.of("orderImportId", importId.toString(), "fileName", fileName));
        found.putAll(made);
        // a customer the other connection made meanwhile was found, not created
        created = (int) made.values().stream().filter(KeyedCustomer::created).count();
      }
    }
    for (Group group : groups) {
      KeyedCustomer customer = found.get(group.customerKey);
      OrderLineProblem problem =
          customer == null
              ? OrderLineProblem.UNKNOWN_CUSTOMER
              : !customer.visible()
                  ? OrderLineProblem.CUSTOMER_NOT_VISIBLE
                  : group.existing != null && !group.existing.customerId().equals(customer.id())
                      ? OrderLineProblem.OTHER_CUSTOMER
                      : null;
      if (problem == null) {
        group.customer = customer;
      } else {
        group.lines.forEach(line -> unimported.add(unimported(line, problem)));
      }
    }
    return created;
  }

  /**
   * Finds the products the lines name by code (whatever its case), with one query, and creates the
   * missing ones with one statement when the import says so. Returns how many were created.
   */
  private int findProducts(
      OrderImportOptions options,
      List<Group> groups,
      Map<String, Products.Coded> known,
      Instant now) {
    Map<String, Values> firstByCode = new LinkedHashMap<>();
    Map<String, String> currencyByCode = new HashMap<>();
    for (Group group : groups) {
      for (Checked checked : group.lines) {
        Values line = checked.values();
        if (line.productCode() != null) {
          String key = codeKey(line.productCode());
          if (firstByCode.putIfAbsent(key, line) == null) {
            currencyByCode.put(key, group.currency);
          }
        }
      }
    }
    known.putAll(products.byCodeKeys(firstByCode.keySet()));
    if (!options.createProducts()) {
      return 0;
    }
    List<Products.NewProduct> missing = new ArrayList<>();
    for (Map.Entry<String, Values> entry : firstByCode.entrySet()) {
      if (!known.containsKey(entry.getKey())) {
        Values line = entry.getValue();
        String name = line.description() == null ? line.productCode() : line.description();
        missing.add(
            new Products.NewProduct(
                Ids.newId(),
                line.productCode(),
                name.length() > 200 ? name.substring(0, 200).strip() : name,
                line.unit() == null ? DEFAULT_UNIT : line.unit(),
                line.unitPrice(),
                line.unitCost() == null ? BigDecimal.ZERO : line.unitCost(),
                currencyByCode.get(entry.getKey())));
      }
    }
    if (missing.isEmpty()) {
      return 0;
    }
    Set<UUID> inserted = products.addAll(missing, now);
    List<String> raced = new ArrayList<>();
    for (Products.NewProduct product : missing) {
      String key = codeKey(product.code());
      if (inserted.contains(product.id())) {
        known.put(
            key,
            new Products.Coded(
                product.id(), key, product.name(), product.unitCost(), product.currency()));
      } else {
        raced.add(key);
      }
    }
    // another import or a person took these codes meanwhile: use their products
    known.putAll(products.byCodeKeys(raced));
    return inserted.size();
  }

  private static Unimported unimported(Checked line, OrderLineProblem problem) {
    return new Unimported(line.number(), problem, line.cells());
  }

  static String codeKey(String code) {
    return code.toLowerCase(Locale.ROOT);
  }
}
