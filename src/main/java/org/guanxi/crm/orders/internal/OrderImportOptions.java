package org.guanxi.crm.orders.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guanxi.crm.catalogue.CataloguePermissions;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * How an order file is read and what the import may create.
 *
 * @param dateFormat the pattern of the dates (as {@link DateTimeFormatter} writes it, such as
 *     {@code M/d/yyyy H:mm}); empty: year first ({@code 2024-03-01}, {@code 2024/3/1}), with or
 *     without a time after it
 * @param defaultCurrency the currency of lines that name none
 * @param createCustomers whether customers missing from the CRM are created from their keys (else
 *     their lines are rejected)
 * @param createProducts whether products missing from the catalogue are created from their codes
 *     (else their lines are imported without a product, under their description)
 * @param returnPrefix orders whose number starts with it are returns ({@code C}, as cancellation
 *     invoices are numbered); empty: only orders of negative quantities are
 * @param customerKind what the customers created are
 */
record OrderImportOptions(
    String dateFormat,
    String defaultCurrency,
    boolean createCustomers,
    boolean createProducts,
    String returnPrefix,
    CustomerKind customerKind) {

  static final OrderImportOptions DEFAULTS =
      new OrderImportOptions("", "CNY", false, false, "C", CustomerKind.ORGANIZATION);

  /** What a user chooses; what is left out stays as it was. */
  record Choices(
      @Nullable String dateFormat,
      @Nullable String defaultCurrency,
      @Nullable Boolean createCustomers,
      @Nullable Boolean createProducts,
      @Nullable String returnPrefix,
      @Nullable CustomerKind customerKind) {}

  /** These options changed by a user's choices, which are checked. */
  OrderImportOptions with(Choices choices) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    String format = choices.dateFormat() == null ? dateFormat : choices.dateFormat().strip();
    if (format.length() > 40) {
      errors.add(
          error("dateFormat", "invalid-date-format", "A date format has at most 40 characters"));
    } else if (!format.isEmpty()) {
      try {
        DateTimeFormatter.ofPattern(format, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        errors.add(
            error(
                "dateFormat",
                "invalid-date-format",
                "Not a date format such as yyyy-MM-dd or M/d/yyyy H:mm: " + e.getMessage()));
      }
    }
    String currency =
        choices.defaultCurrency() == null || choices.defaultCurrency().isBlank()
            ? defaultCurrency
            : choices.defaultCurrency().strip().toUpperCase(Locale.ROOT);
    if (!currency.matches("[A-Z]{3}")) {
      errors.add(
          error("defaultCurrency", "invalid-currency", "A three-letter ISO code such as CNY"));
    }
    String prefix = choices.returnPrefix() == null ? returnPrefix : choices.returnPrefix().strip();
    if (prefix.length() > 10) {
      errors.add(
          error(
              "returnPrefix",
              "invalid-return-prefix",
              "A return prefix has at most 10 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new OrderImportOptions(
        format,
        currency,
        choices.createCustomers() == null ? createCustomers : choices.createCustomers(),
        choices.createProducts() == null ? createProducts : choices.createProducts(),
        prefix,
        choices.customerKind() == null ? customerKind : choices.customerKind());
  }

  /** Refuses what the user may not do: create customers or products without the right to. */
  OrderImportOptions allowedFor(CurrentUser user) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    if (createCustomers && !user.can(CustomerPermissions.CUSTOMER_WRITE)) {
      errors.add(error("createCustomers", "not-allowed", "You may not create customers"));
    }
    if (createProducts && !user.can(CataloguePermissions.PRODUCT_WRITE)) {
      errors.add(error("createProducts", "not-allowed", "You may not create products"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return this;
  }

  private static InvalidInput.FieldError error(String option, String code, String message) {
    return new InvalidInput.FieldError("options." + option, code, message);
  }
}
