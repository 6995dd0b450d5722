package org.guanxi.crm.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Prices the lines of an order or a deal for a customer: a product's name fills a missing
 * description, the customer's price (its price lists, else the product's list price in that
 * currency) a missing unit price, and the discount gives the amount. Every line in error is
 * reported at once, by its position ({@code lines[i].field}).
 */
public interface LinePricing {

  /** A line as the user gave it. */
  record Input(
      @Nullable UUID productId,
      @Nullable String description,
      BigDecimal quantity,
      @Nullable BigDecimal unitPrice,
      @Nullable BigDecimal discountPercent) {

    /** Whether the lines say the same, numbers compared by value ({@code 2.0} is {@code 2}). */
    public static boolean same(List<Input> a, List<Input> b) {
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

    public @Nullable UUID productId() {
      return product == null ? null : product.id();
    }
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
      boolean newRecord);
}
