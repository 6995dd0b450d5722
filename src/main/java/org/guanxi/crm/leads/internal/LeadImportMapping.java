package org.guanxi.crm.leads.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Which column of an imported file fills which lead field: the headers recognised by their names,
 * changed by what the user chose. Columns that fill no field are left out.
 */
record LeadImportMapping(Map<String, LeadImportField> fields) {

  LeadImportMapping {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /**
   * The mapping of a file with these headers: each header a known name of a field fills it (the
   * first of two wins), then {@code choices} ({@code header → field key}, an empty key for a column
   * to leave out) change it. Unknown headers and fields, and a field filled twice, are refused.
   */
  static LeadImportMapping of(List<String> headers, Map<String, @Nullable String> choices) {
    Map<String, LeadImportField> fields = new LinkedHashMap<>();
    for (String header : headers) {
      LeadImportField.ofHeader(header)
          .filter(field -> !fields.containsValue(field) && !choices.containsKey(header))
          .ifPresent(field -> fields.put(header, field));
    }
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    choices.forEach(
        (header, key) -> {
          if (!headers.contains(header)) {
            errors.add(error("unknown-column", "The file has no column \"" + header + "\""));
          } else if (key != null && !key.isBlank()) {
            Optional<LeadImportField> field = LeadImportField.ofKey(key.strip());
            if (field.isEmpty()) {
              errors.add(error("unknown-field", "Leads have no field \"" + key + "\""));
            } else {
              // a column chosen for a field takes it from a column recognised by its name
              fields.values().remove(field.get());
              fields.put(header, field.get());
            }
          }
        });
    if (fields.values().stream().distinct().count() < fields.size()) {
      errors.add(error("field-mapped-twice", "Two columns fill the same field"));
    }
    if (!fields.containsValue(LeadImportField.NAME)
        && !fields.containsValue(LeadImportField.COMPANY)) {
      errors.add(error("name-not-mapped", "No column is mapped to the name or the company"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Map<String, LeadImportField> ordered = new LinkedHashMap<>();
    headers.stream().filter(fields::containsKey).forEach(h -> ordered.put(h, fields.get(h)));
    return new LeadImportMapping(ordered);
  }

  /** For each field, the position of the column that fills it. */
  Map<LeadImportField, Integer> positions(List<String> headers) {
    Map<LeadImportField, Integer> positions = new EnumMap<>(LeadImportField.class);
    fields.forEach((header, field) -> positions.put(field, headers.indexOf(header)));
    return positions;
  }

  /** The header of the column that fills a field, or null. */
  @Nullable String headerOf(LeadImportField field) {
    return fields.entrySet().stream()
        .filter(e -> e.getValue() == field)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /** {@code header → field key}, as stored and shown. */
  Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    fields.forEach((header, field) -> keys.put(header, field.key()));
    return keys;
  }

  private static InvalidInput.FieldError error(String code, String message) {
    return new InvalidInput.FieldError("mapping", code, message);
  }
}
