package org.guanxi.crm.orders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.catalogue.LinePricing;
import org.jspecify.annotations.Nullable;

/**
 * What a user fills in for an order: the input of creating and of changing one. Left out, the
 * number is the next of the workspace, the date today, the currency CNY, the owner the caller and
 * the status DRAFT (or CONFIRMED, to place the order at once).
 */
public record OrderDraft(
    @NotNull UUID customerId,
    @Nullable @Size(max = 40) @Pattern(regexp = "\\S+", message = "a number has no spaces")
        String number,
    @Nullable LocalDate orderDate,
    @Nullable @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as CNY")
        String currency,
    @Nullable UUID ownerId,
    @Nullable OrderStatus status,
    @Nullable @Size(max = 2000) String notes,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid Line> lines) {

  /**
   * A line: a product (its name, price for the customer and unit cost fill what is left out) or a
   * free description with a price.
   */
  public record Line(
      @Nullable UUID productId,
      @Nullable @Size(max = 500) String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
          BigDecimal quantity,
      @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
      @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
          BigDecimal discountPercent,
      @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost) {

    public LinePricing.Input input() {
      return new LinePricing.Input(productId, description, quantity, unitPrice, discountPercent);
    }
  }

  public List<LinePricing.Input> inputs() {
    return lines.stream().map(Line::input).toList();
  }
}
