package org.guanxi.crm.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Prices the lines of an order or a deal for a customer: a product's name fills a missing
 * description, the customer's price (its price lists, else the product's list price in that
 * currency) a missing unit price, and the discount gives the amount. Every line in error is
 * reported at once, by its position ({@code lines[i].field}).
 */
@Component
class LinePricing {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A line as the user gave it. */
  record Input(
      @Nullable UUID productId,
      @Nullable String description,
      BigDecimal quantity,
      @Nullable BigDecimal unitPrice,
      @Nullable BigDecimal discountPercent) {

    /** Whether the lines say the same, numbers compared by value ({@code 2.0} is {@code 2}). */
    static boolean same(List<Input> a, List<Input> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        Input x = a.get(i);
        Input y = b.get(i);
        if (!Objects.equals(x.productId(), y.productId())
            || !Objects.equals(x.description(), y.description())
            || !sameNumber(x.quantity(), y.quantity())
            || !sameNumber(x.unitPrice(), y.unitPrice())
            || !sameNumber(x.discountPercent(), y.discountPercent())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Whether two numbers, either of them missing, are equal by value. */
  static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** A priced line, numbered from 1, with its product when it names one. */
  record Priced(
      int position,
      @Nullable Product product,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal amount) {

    @Nullable UUID productId() {
      return product == null ? null : product.id();
    }
  }

  private final ProductStore products;
  private final PriceListService priceLists;
  private final Customers customers;

  LinePricing(ProductStore products, PriceListService priceLists, Customers customers) {
    this.products = products;
    this.priceLists = priceLists;
    this.customers = customers;
  }

  /**
   * The lines priced, or {@link InvalidInput} naming every line in error.
   *
   * @param newRecord whether the lines are for a new order or deal, which may not name a product no
   *     longer sold (a changed one keeps the products it had)
   */
  List<Priced> price(
      CurrentUser user,
      CustomerSummary customer,
      String currency,
      List<Input> input,
      boolean newRecord) {
    if (input.isEmpty()) {
      return List.of();
    }
    Map<UUID, Product> known =
        products
            .findAll(
                input.stream().map(Input::productId).filter(Objects::nonNull).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Product::id, Function.identity()));
    List<String> tags = null;
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    List<Priced> lines = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      Input line = input.get(i);
      String field = "lines[" + i + "].";
      Product product = line.productId() == null ? null : known.get(line.productId());
      if (line.productId() != null && product == null) {
        errors.add(
            new InvalidInput.FieldError(
                field + "productId", "unknown-product", "There is no such product"));
        continue;
      }
      if (newRecord && product != null && !product.active()) {
        errors.add(
            new InvalidInput.FieldError(
                field + "productId", "inactive-product", "This product is no longer sold"));
        continue;
      }
      String description =
          line.description() != null && !line.description().isBlank()
              ? line.description().strip()
              : product == null ? null : product.name();
      if (description == null) {
        errors.add(
            new InvalidInput.FieldError(
                field + "description", "required", "A line without a product needs a description"));
        continue;
      }
      BigDecimal unitPrice = line.unitPrice();
      if (unitPrice == null && product != null) {
        if (tags == null) {
          tags = customers.tags(user, customer.id());
        }
        unitPrice =
            priceLists
                .priceFor(customer, tags, product.id(), currency)
                .orElse(product.currency().equals(currency) ? product.listPrice() : null);
      }
      if (unitPrice == null) {
        errors.add(
            new InvalidInput.FieldError(
                field + "unitPrice",
                product == null ? "required" : "currency-mismatch",
                product == null
                    ? "A line without a product needs a unit price"
                    : "The product has no price in " + currency + "; give the unit price"));
        continue;
      }
      BigDecimal discount =
          line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
      BigDecimal amount =
          line.quantity()
              .multiply(unitPrice)
              .multiply(HUNDRED.subtract(discount))
              .divide(HUNDRED, 2, RoundingMode.HALF_UP);
      lines.add(
          new Priced(i + 1, product, description, line.quantity(), unitPrice, discount, amount));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return lines;
  }
}
