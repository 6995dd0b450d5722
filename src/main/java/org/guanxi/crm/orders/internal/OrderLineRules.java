package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.jspecify.annotations.Nullable;

/**
 * Reads a line of an order file through the column mapping and checks it on its own: the order
 * number, date, customer key, product, quantity and prices. What it cannot know alone — whether the
 * customer exists, whether the order is new — the batch settles.
 */
final class OrderLineRules {

  static final int MAX_NUMBER = 40;
  static final int MAX_KEY = 200;
  static final int MAX_CODE = 40;
  private static final int MAX_DESCRIPTION = 500;
  private static final int MAX_NAME = 200;
  private static final int MAX_COUNTRY = 100;
  private static final int MAX_UNIT = 20;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal LARGEST_AMOUNT = new BigDecimal("1e15");
  private static final Pattern ISO_DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}(:\\d{2})?)?");

  /** A line read and checked: its values, or the problem that keeps it out. */
  record Checked(
      int number,
      List<String> cells,
      @Nullable OrderLineProblem problem,
      @Nullable Values values) {}

  /**
   * A line's values. The quantity keeps its sign (negative in returns); the currency is the line's
   * or the default.
   */
  record Values(
      String orderNumber,
      LocalDate orderDate,
      String customerKey,
      @Nullable String customerName,
      @Nullable String productCode,
      @Nullable String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      @Nullable BigDecimal unitCost,
      BigDecimal discountPercent,
      String currency,
      @Nullable String country,
      @Nullable String unit) {}

  private final int[] columns;
  private final OrderImportOptions options;
  private final @Nullable DateTimeFormatter dates;

  OrderLineRules(
      List<String> headers, ColumnMapping<OrderImportField> mapping, OrderImportOptions options) {
    this.columns = mapping.indexes(headers);
    this.options = options;
    this.dates =
        options.dateFormat().isEmpty()
            ? null
            : DateTimeFormatter.ofPattern(options.dateFormat(), Locale.ROOT);
  }

  Checked check(int number, List<String> cells) {
    String customerKey = cell(cells, OrderImportField.CUSTOMER_KEY);
    if (customerKey == null) {
      return rejected(number, cells, OrderLineProblem.NO_CUSTOMER);
    }
    if (customerKey.length() > MAX_KEY) {
      return rejected(number, cells, OrderLineProblem.INVALID_CUSTOMER_KEY);
    }
    String orderNumber = cell(cells, OrderImportField.ORDER_NUMBER);
    if (orderNumber == null) {
      return rejected(number, cells, OrderLineProblem.NO_ORDER_NUMBER);
    }
    if (orderNumber.length() > MAX_NUMBER || hasSpace(orderNumber)) {
      return rejected(number, cells, OrderLineProblem.INVALID_ORDER_NUMBER);
    }
    LocalDate date = date(cell(cells, OrderImportField.ORDER_DATE));
    if (date == null) {
      return rejected(number, cells, OrderLineProblem.INVALID_DATE);
    }
    String code = cell(cells, OrderImportField.PRODUCT_CODE);
    String description = cut(cell(cells, OrderImportField.DESCRIPTION), MAX_DESCRIPTION);
    if (code == null && description == null) {
      return rejected(number, cells, OrderLineProblem.NO_PRODUCT);
    }
    if (code != null && code.length() > MAX_CODE) {
      return rejected(number, cells, OrderLineProblem.INVALID_PRODUCT_CODE);
    }
    BigDecimal quantity = decimal(cell(cells, OrderImportField.QUANTITY));
    if (quantity == null) {
      return rejected(number, cells, OrderLineProblem.INVALID_QUANTITY);
    }
    if (quantity.signum() == 0) {
      return rejected(number, cells, OrderLineProblem.ZERO_QUANTITY);
    }
    BigDecimal unitPrice = decimal(cell(cells, OrderImportField.UNIT_PRICE));
    if (unitPrice == null) {
      return rejected(number, cells, OrderLineProblem.INVALID_UNIT_PRICE);
    }
    if (unitPrice.signum() < 0) {
      return rejected(number, cells, OrderLineProblem.NEGATIVE_UNIT_PRICE);
    }
    String costCell = cell(cells, OrderImportField.UNIT_COST);
    BigDecimal unitCost = costCell == null ? null : decimal(costCell);
    if (costCell != null && (unitCost == null || unitCost.signum() < 0)) {
      return rejected(number, cells, OrderLineProblem.INVALID_UNIT_COST);
    }
    String discountCell = cell(cells, OrderImportField.DISCOUNT);
    BigDecimal discount =
        discountCell == null
            ? BigDecimal.ZERO
            : decimal(
                discountCell.endsWith("%")
                    ? discountCell.substring(0, discountCell.length() - 1)
                    : discountCell);
    if (discount == null || discount.signum() < 0 || discount.compareTo(HUNDRED) > 0) {
      return rejected(number, cells, OrderLineProblem.INVALID_DISCOUNT);
    }
    String currencyCell = cell(cells, OrderImportField.CURRENCY);
    String currency =
        currencyCell == null ? options.defaultCurrency() : currencyCell.toUpperCase(Locale.ROOT);
    if (currency.length() != 3 || !currency.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
      return rejected(number, cells, OrderLineProblem.INVALID_CURRENCY);
    }
    if (quantity.abs().multiply(unitPrice).compareTo(LARGEST_AMOUNT) >= 0) {
      return rejected(number, cells, OrderLineProblem.AMOUNT_TOO_LARGE);
    }
    return new Checked(
        number,
        cells,
        null,
        new Values(
            orderNumber,
            date,
            customerKey,
            cut(cell(cells, OrderImportField.CUSTOMER_NAME), MAX_NAME),
            code,
            description,
            quantity,
            unitPrice,
            unitCost,
            discount,
            currency,
            cut(cell(cells, OrderImportField.COUNTRY), MAX_COUNTRY),
            cut(cell(cells, OrderImportField.UNIT), MAX_UNIT)));
  }

  private static Checked rejected(int number, List<String> cells, OrderLineProblem problem) {
    return new Checked(number, cells, problem, null);
  }

  /** The field's cell, stripped; null when the field is not mapped or the cell is blank. */
  private @Nullable String cell(List<String> cells, OrderImportField field) {
    int index = columns[field.ordinal()];
    if (index < 0 || index >= cells.size()) {
      return null;
    }
    String value = cells.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  /**
   * A date: by the pattern when there is one, else year first — {@code 2024-03-01}, {@code
   * 2024/3/1} or {@code 2024.3.1} — with anything after it (a time) left aside. An ISO date ({@code
   * 2024-03-01}, or {@code 2024-03-01 14:30:00}, as the date cells of a workbook read) is taken
   * whatever the pattern: it cannot be mistaken.
   */
  private @Nullable LocalDate date(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (dates != null) {
      try {
        TemporalAccessor parsed = dates.parse(text);
        return parsed.query(TemporalQueries.localDate());
      } catch (java.time.DateTimeException e) {
        return ISO_DATE.matcher(text).matches() ? yearFirst(text) : null;
      }
    }
    return yearFirst(text);
  }

  private static @Nullable LocalDate yearFirst(String text) {
    int[] parts = new int[3];
    int part = 0;
    int digits = 0;
    int i = 0;
    for (; i < text.length() && part < 3; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        parts[part] = parts[part] * 10 + (c - '0');
        if (++digits > (part == 0 ? 4 : 2)) {
          return null;
        }
      } else if ((c == '-' || c == '/' || c == '.') && digits > 0 && part < 2) {
        part++;
        digits = 0;
      } else {
        break;
      }
    }
    boolean complete = part == 2 && digits > 0;
    boolean endsWell = i == text.length() || text.charAt(i) == ' ' || text.charAt(i) == 'T';
    if (!complete || !endsWell || parts[0] < 1000) {
      return null;
    }
    try {
      return LocalDate.of(parts[0], parts[1], parts[2]);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * A number such as {@code 12}, {@code -3} or {@code 2.55}, at most 15 digits before the point and
   * 4 after it; null when it is not one.
   */
  private static @Nullable BigDecimal decimal(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.scale() > 4) {
        value = value.stripTrailingZeros();
      }
      if (value.scale() > 4 || value.precision() - value.scale() > 15) {
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean hasSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String cut(@Nullable String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length).strip();
  }
}
