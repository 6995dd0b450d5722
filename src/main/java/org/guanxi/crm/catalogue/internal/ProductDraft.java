package org.guanxi.crm.catalogue.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.platform.Currencies;
import org.jspecify.annotations.Nullable;

/** What a user fills in for a product: the input of creating and of changing one. */
record ProductDraft(
    @NotBlank
        @Size(max = 40)
        @Pattern(regexp = "\\S(.*\\S)?", message = "a code does not start or end with a space")
        String code,
    @NotBlank @Size(max = 200) String name,
    @Nullable UUID categoryId,
    @NotBlank @Size(max = 20) String unit,
    @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal listPrice,
    @Nullable @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost,
    @Nullable @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as CNY")
        String currency,
    @Nullable Boolean active) {

  static final String DEFAULT_CURRENCY = Currencies.DEFAULT;

  BigDecimal unitCostOrZero() {
    return unitCost == null ? BigDecimal.ZERO : unitCost;
  }

  String currencyOrDefault() {
    return currency == null ? DEFAULT_CURRENCY : currency;
  }

  boolean activeOrDefault() {
    return active == null || active;
  }

  static ProductDraft of(Product product) {
    return new ProductDraft(
        product.code(),
        product.name(),
        product.categoryId(),
        product.unit(),
        product.listPrice(),
        product.unitCost(),
        product.currency(),
        product.active());
  }
}
