package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the fields of a page form that are kept as typed, to show them again when the form is
 * refused: a blank field is null, and one that does not read as its type is {@link InvalidInput}
 * naming the field.
 */
public final class FormFields {

  private FormFields() {}

  /** The field as typed, or empty when the form did not send it. */
  public static String typed(MultiValueMap<String, String> form, String name) {
    String value = form.getFirst(name);
    return value == null ? "" : value;
  }

  /** A number such as {@code 1,200.50}: the thousands separators are left out. */
  public static @Nullable BigDecimal decimal(String text, String field) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "not-a-number", "Not a number");
    }
  }

  public static @Nullable Integer integer(String text, String field) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "not-a-number", "Not a number");
    }
  }

  /** A date as the browser's date field sends it, such as {@code 2026-03-01}. */
  public static @Nullable LocalDate date(String text, String field) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInput(field, "invalid-date", "Not a date");
    }
  }

  /**
   * A value chosen leniently, such as a filter kept in a link: none when blank or when {@code read}
   * refuses it (with {@link IllegalArgumentException}), as a choice that no longer exists.
   */
  public static <T> @Nullable T orNone(@Nullable String text, Function<String, T> read) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return read.apply(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The id of a record chosen in the form; one that is not an id is refused with the {@code code}
   * and {@code message} the form gives for a choice it did not offer.
   */
  public static @Nullable UUID id(String text, String field, String code, String message) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, code, message);
    }
  }
}
