package org.guanxi.crm.catalogue.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanxi.crm.catalogue.LinePricing;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.springframework.stereotype.Component;

/**
 * Prices lines at the customer's prices: its price lists, else the product's list price in the
 * line's currency (see {@link LinePricing}).
 */
@Component
class CustomerPrices implements LinePricing {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ProductStore products;
  private final PriceListService priceLists;
  private final Customers customers;

  CustomerPrices(ProductStore products, PriceListService priceLists, Customers customers) {
    this.products = products;
    this.priceLists = priceLists;
    this.customers = customers;
  }

  @Override
  public List<Priced> price(
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
