package org.guanxi.crm.platform.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Which column of an imported file fills which field of an import target, in the order of the
 * file's columns: first each column whose header is a known name of a field (the first of two
 * wins), then changed by what the user chose. Columns that fill no field are left out. The one
 * mapping of every import; a target names its fields as an enum of {@link ImportField}.
 *
 * @param <F> the target's fields
 */
public final class ColumnMapping<F extends Enum<F> & ImportField> {

  private final Class<F> type;
  private final Map<String, F> columns;

  private ColumnMapping(Class<F> type, Map<String, F> columns) {
    this.type = type;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The columns whose headers are known names of fields, the first of two winning. */
  public static <F extends Enum<F> & ImportField> ColumnMapping<F> recognise(
      Class<F> type, List<String> headers) {
    Map<String, F> byHeader = byHeader(type);
    Map<String, F> columns = new LinkedHashMap<>();
    for (String header : headers) {
      F field = byHeader.get(HeaderSynonyms.comparable(header));
      if (field != null && !columns.containsValue(field)) {
        columns.put(header, field);
      }
    }
    return new ColumnMapping<>(type, columns);
  }

  /** The field a column of this header fills without asking, if its header is a known one. */
  public static <F extends Enum<F> & ImportField> Optional<F> fieldOf(
      Class<F> type, String header) {
    return Optional.ofNullable(byHeader(type).get(HeaderSynonyms.comparable(header)));
  }

  private static <F extends Enum<F> & ImportField> Map<String, F> byHeader(Class<F> type) {
    Map<String, F> byHeader = new HashMap<>();
    for (F field : type.getEnumConstants()) {
      byHeader.putIfAbsent(HeaderSynonyms.comparable(field.key()), field);
      field.headers().forEach(h -> byHeader.putIfAbsent(HeaderSynonyms.comparable(h), field));
    }
    return byHeader;
  }

  /** A mapping as it was stored ({@code header → field key}); unknown keys are left out. */
  public static <F extends Enum<F> & ImportField> ColumnMapping<F> ofKeys(
      Class<F> type, Map<String, String> keys) {
    Map<String, F> columns = new LinkedHashMap<>();
    keys.forEach((header, key) -> field(type, key).ifPresent(f -> columns.put(header, f)));
    return new ColumnMapping<>(type, columns);
  }

  /**
   * This mapping changed by what the user chose: {@code header → field key}, an empty key for a
   * column to leave out. Headers the file does not have ({@code unknown-column}), fields {@code
   * things} do not have ({@code unknown-field}) and a field two columns fill ({@code
   * field-mapped-twice}) are refused, all on the field {@code mapping}.
   */
  public ColumnMapping<F> with(
      Map<String, @Nullable String> choices, List<String> headers, String things) {
    Map<String, F> chosen = new LinkedHashMap<>(columns);
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    choices.forEach(
        (header, key) -> {
          if (!headers.contains(header)) {
            errors.add(error("unknown-column", "The file has no column \"" + header + "\""));
          } else if (key == null || key.isBlank()) {
            chosen.remove(header);
          } else {
            field(type, key.strip())
                .ifPresentOrElse(
                    field -> chosen.put(header, field),
                    () ->
                        errors.add(
                            error(
                                "unknown-field",
                                things
                                    + " have no field \""
                                    + key
                                    + "\"; the fields are "
                                    + keysOf(type))));
          }
        });
    Map<F, String> seen = new EnumMap<>(type);
    chosen.forEach(
        (header, field) -> {
          String other = seen.put(field, header);
          if (other != null) {
            errors.add(
                error(
                    "field-mapped-twice",
                    "Two columns fill the field \""
                        + field.key()
                        + "\": "
                        + other
                        + " and "
                        + header));
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Map<String, F> ordered = new LinkedHashMap<>();
    headers.stream().filter(chosen::containsKey).forEach(h -> ordered.put(h, chosen.get(h)));
    return new ColumnMapping<>(type, ordered);
  }

  /** Whether a column fills {@code field}. */
  public boolean fills(F field) {
    return columns.containsValue(field);
  }

  /** The header of the column that fills {@code field}, or null. */
  public @Nullable String headerOf(F field) {
    for (Map.Entry<String, F> column : columns.entrySet()) {
      if (column.getValue() == field) {
        return column.getKey();
      }
    }
    return null;
  }

  /** For each field a column fills, the position of that column among {@code headers}. */
  public Map<F, Integer> positions(List<String> headers) {
    Map<F, Integer> positions = new EnumMap<>(type);
    columns.forEach((header, field) -> positions.put(field, headers.indexOf(header)));
    return positions;
  }

  /** For each field (by ordinal), the position of its column among {@code headers}, or -1. */
  public int[] indexes(List<String> headers) {
    int[] indexes = new int[type.getEnumConstants().length];
    Arrays.fill(indexes, -1);
    columns.forEach((header, field) -> indexes[field.ordinal()] = headers.indexOf(header));
    return indexes;
  }

  /** {@code header → field}, in the order of the file's columns. */
  public Map<String, F> columns() {
    return columns;
  }

  /** {@code header → field key}, as stored and shown. */
  public Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    columns.forEach((header, field) -> keys.put(header, field.key()));
    return keys;
  }

  /** The field whose key is {@code key}. */
  public static <F extends Enum<F> & ImportField> Optional<F> field(Class<F> type, String key) {
    for (F field : type.getEnumConstants()) {
      if (field.key().equals(key)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  private static <F extends Enum<F> & ImportField> String keysOf(Class<F> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(ImportField::key)
        .collect(Collectors.joining(", "));
  }

  private static InvalidInput.FieldError error(String code, String message) {
    return new InvalidInput.FieldError("mapping", code, message);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ColumnMapping<?> that
        && type == that.type
        && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, columns);
  }

  @Override
  public String toString() {
    return keys().toString();
  }
}
