package org.guanxi.crm.customer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Turns custom-field values as they arrive (JSON values from the API, text from forms and files)
 * into the typed values stored with a customer, and rejects what does not fit the field.
 */
final class CustomFieldValues {

  private static final Set<String> YES = Set.of("true", "yes", "y", "1", "是", "是的", "對", "对");
  private static final Set<String> NO = Set.of("false", "no", "n", "0", "否", "不是");
  private static final int MAX_TEXT = 2000;

  private CustomFieldValues() {}

  /** The values to store: known fields only, typed, empty ones dropped, required ones present. */
  static Map<String, Object> normalise(@Nullable Map<String, ?> input, List<CustomField> fields) {
    Map<String, CustomField> byKey =
        fields.stream().collect(Collectors.toMap(CustomField::key, Function.identity()));
    Map<String, Object> values = new TreeMap<>();
    if (input != null) {
      for (var entry : input.entrySet()) {
        CustomField field = byKey.get(entry.getKey());
        if (field == null || !field.active()) {
          throw new InvalidInput(
              "customFields." + entry.getKey(),
              "unknown-custom-field",
              "There is no such custom field");
        }
        Object value = typed(field, entry.getValue());
        if (value != null) {
          values.put(field.key(), value);
        }
      }
    }
    for (CustomField field : fields) {
      if (field.active() && field.required() && !values.containsKey(field.key())) {
        throw new InvalidInput("customFields." + field.key(), "required", "This field is required");
      }
    }
    return values;
  }

  /** The value of one field as stored, or null for an empty one. */
  static @Nullable Object typed(CustomField field, @Nullable Object raw) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    String name = "customFields." + field.key();
    String text = raw.toString().strip();
    try {
      switch (field.type()) {
        case TEXT:
          if (text.length() > MAX_TEXT) {
            throw new InvalidInput(name, "too-long", "At most " + MAX_TEXT + " characters");
          }
          return text;
        case NUMBER:
          return raw instanceof Number
              ? new BigDecimal(raw.toString())
              : new BigDecimal(text.replace(",", ""));
        case MONEY:
          BigDecimal amount =
              new BigDecimal(text.replace(",", "").replace("¥", "").replace("￥", "").strip());
          if (amount.scale() > 4) {
            throw new InvalidInput(name, "invalid-money", "An amount has at most 4 decimal places");
          }
          return amount;
        case DATE:
          return LocalDate.parse(text).toString();
        case BOOLEAN:
          if (raw instanceof Boolean b) {
            return b;
          }
          String answer = text.toLowerCase(Locale.ROOT);
          if (YES.contains(answer)) {
            return true;
          }
          if (NO.contains(answer)) {
            return false;
          }
          throw new InvalidInput(name, "invalid-boolean", "Yes or no");
        case CHOICE:
          if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
            throw new InvalidInput(name, "invalid-choice", "Not one of the field's choices");
          }
          return text;
        default:
          throw new IllegalStateException("Unknown custom field type " + field.type());
      }
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, "invalid-number", "Not a number");
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name, "invalid-date", "A date such as 2026-11-23");
    }
  }
}
