package org.guanxi.crm.customer.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Which column of an imported file fills which customer field; columns that fill none are left out.
 */
record ColumnMapping(Map<String, ImportField> fields) {

  ColumnMapping {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The columns whose headers are known names of fields, in English or Chinese; the first of two
   * wins.
   */
  static ColumnMapping recognise(List<String> headers) {
    Map<String, ImportField> fields = new LinkedHashMap<>();
    for (String header : headers) {
      ImportField.ofHeader(header)
          .filter(field -> !fields.containsValue(field))
          .ifPresent(field -> fields.put(header, field));
    }
    return new ColumnMapping(fields);
  }

  /**
   * This mapping changed by what the user chose: {@code header → field name}, an empty name for a
   * column to leave out. Headers the file does not have, unknown fields and a field chosen twice
   * are refused.
   */
  ColumnMapping with(Map<String, @Nullable String> choices, List<String> headers) {
    Map<String, ImportField> fields = new LinkedHashMap<>(this.fields);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    choices.forEach(
        (header, key) -> {
          if (!headers.contains(header)) {
            errors.add(
                new InvalidInput.FieldError(
                    "mapping", "unknown-column", "The file has no column \"" + header + "\""));
          } else if (key == null || key.isBlank()) {
            fields.remove(header);
          } else {
            Optional<ImportField> field = ImportField.ofKey(key);
            if (field.isEmpty()) {
              errors.add(
                  new InvalidInput.FieldError(
                      "mapping", "unknown-field", "Customers have no field \"" + key + "\""));
            } else {
              fields.put(header, field.get());
            }
          }
        });
    Set<ImportField> seen = new LinkedHashSet<>();
    for (ImportField field : fields.values()) {
      if (!seen.add(field)) {
        errors.add(
            new InvalidInput.FieldError(
                "mapping",
                "field-mapped-twice",
                "Two columns fill the field \"" + field.key + "\""));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    // keep the file's order of columns
    Map<String, ImportField> ordered = new LinkedHashMap<>();
    headers.stream()
        .filter(fields::containsKey)
        .forEach(header -> ordered.put(header, fields.get(header)));
    return new ColumnMapping(ordered);
  }

  /** Every import needs the name of its customers. */
  ColumnMapping requireName() {
    if (!fields.containsValue(ImportField.NAME)) {
      throw new InvalidInput(
          "mapping", "name-not-mapped", "No column is mapped to the customer's name");
    }
    return this;
  }

  /** For each field, the position of the column that fills it. */
  Map<ImportField, Integer> positions(List<String> headers) {
    Map<ImportField, Integer> positions = new EnumMap<>(ImportField.class);
    fields.forEach((header, field) -> positions.put(field, headers.indexOf(header)));
    return positions;
  }

  /** {@code header → field name}, as stored and shown. */
  Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    fields.forEach((header, field) -> keys.put(header, field.key));
    return keys;
  }

  static ColumnMapping ofKeys(Map<String, String> keys) {
    Map<String, ImportField> fields = new LinkedHashMap<>();
    keys.forEach(
        (header, key) -> ImportField.ofKey(key).ifPresent(field -> fields.put(header, field)));
    return new ColumnMapping(fields);
  }
}
