package org.guanxi.crm.catalogue.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * The prices of a customer group: customers whose classification ({@code KEY_ACCOUNT}, {@code
 * ORDINARY}) or one of whose tags is the group's name. Its prices belong to it: changing one is a
 * new version of the list.
 */
record PriceList(UUID id, String name, String customerGroup, String currency, long version)
    implements Versioned {

  /** What a user fills in for a price list. */
  record Draft(
      @NotBlank @Size(max = 100) String name,
      @NotBlank @Size(max = 40) String customerGroup,
      @Nullable @Pattern(regexp = "[A-Z]{3}", message = "a three-letter ISO code such as CNY")
          String currency) {

    String currencyOrDefault() {
      return currency == null ? Currencies.DEFAULT : currency;
    }
  }

  /** A product's price in the list. */
  record Price(UUID productId, String productCode, String productName, BigDecimal price) {}

  /** The price a user sets for a product. */
  record PriceInput(
      @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal price) {}

  Draft draft() {
    return new Draft(name, customerGroup, currency);
  }
}
