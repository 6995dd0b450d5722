package org.guanxi.crm.orders.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Which column of an order file fills which field: column header to field key ({@code orderNumber},
 * {@code quantity} …). Columns left out are not read.
 */
record OrderImportMapping(Map<String, String> columns) {

  OrderImportMapping {
    columns = Map.copyOf(columns);
  }

  /** The columns whose names are known ones, each field taken by the first such column. */
  static OrderImportMapping recognise(List<String> headers) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String header : headers) {
      OrderImportField field = OrderImportField.recognise(header);
      if (field != null && !columns.containsValue(field.key)) {
        columns.put(header, field.key);
      }
    }
    return new OrderImportMapping(columns);
  }

  /**
   * This mapping changed by a user's choices (column header to field key; empty or null leaves the
   * column out). Unknown columns and fields, and a field chosen for two columns, are refused.
   */
  OrderImportMapping with(Map<String, @Nullable String> choices, List<String> headers) {
    Map<String, String> columns = new LinkedHashMap<>(this.columns);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    choices.forEach(
        (header, key) -> {
          if (!headers.contains(header)) {
            errors.add(
                new InvalidInput.FieldError(
                    "mapping", "unknown-column", "The file has no column " + header));
          } else if (key == null || key.isBlank()) {
            columns.remove(header);
          } else if (OrderImportField.byKey(key) == null) {
            errors.add(
                new InvalidInput.FieldError(
                    "mapping",
                    "unknown-field",
                    "Orders have no field "
                        + key
                        + "; the fields are "
                        + Arrays.stream(OrderImportField.values())
                            .map(OrderImportField::key)
                            .toList()));
          } else {
            columns.put(header, key);
          }
        });
    if (errors.isEmpty()) {
      Map<String, String> seen = new LinkedHashMap<>();
      columns.forEach(
          (header, key) -> {
            String other = seen.put(key, header);
            if (other != null) {
              errors.add(
                  new InvalidInput.FieldError(
                      "mapping",
                      "field-mapped-twice",
                      "Two columns fill " + key + ": " + other + " and " + header));
            }
          });
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new OrderImportMapping(columns);
  }

  /**
   * Refuses a mapping that leaves out what every order line needs: order number, date, customer
   * key, quantity, unit price, and a product code or a description.
   */
  OrderImportMapping requireComplete() {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    for (OrderImportField field :
        List.of(
            OrderImportField.ORDER_NUMBER,
            OrderImportField.ORDER_DATE,
            OrderImportField.CUSTOMER_KEY,
            OrderImportField.QUANTITY,
            OrderImportField.UNIT_PRICE)) {
      if (!columns.containsValue(field.key)) {
        errors.add(
            new InvalidInput.FieldError(
                "mapping." + field.key,
                "not-mapped",
                "Choose the column that holds the " + field.key));
      }
    }
    if (!columns.containsValue(OrderImportField.PRODUCT_CODE.key)
        && !columns.containsValue(OrderImportField.DESCRIPTION.key)) {
      errors.add(
          new InvalidInput.FieldError(
              "mapping.productCode",
              "not-mapped",
              "Choose the column that holds the product code or the description"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return this;
  }

  /** For each field (by ordinal), the index of its column among {@code headers}, or -1. */
  int[] columnIndexes(List<String> headers) {
    int[] indexes = new int[OrderImportField.values().length];
    Arrays.fill(indexes, -1);
    columns.forEach(
        (header, key) -> {
          OrderImportField field = OrderImportField.byKey(key);
          int index = headers.indexOf(header);
          if (field != null && index >= 0) {
            indexes[field.ordinal()] = index;
          }
        });
    return indexes;
  }

  /** The mapping in the order of the file's columns. */
  Map<String, String> inOrderOf(List<String> headers) {
    Map<String, String> ordered = new LinkedHashMap<>();
    headers.stream().filter(columns::containsKey).forEach(h -> ordered.put(h, columns.get(h)));
    return ordered;
  }
}
