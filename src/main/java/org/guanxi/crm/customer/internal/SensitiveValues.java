package org.guanxi.crm.customer.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.privacy.ContactValues;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of personal data, so that the same phone number or e-mail address typed in
 * different ways is stored, indexed and found as one value. Each method rejects what cannot be such
 * a value.
 */
final class SensitiveValues {

  private static final Pattern ID_CARD_18 = Pattern.compile("^\\d{17}[\\dX]$");
  private static final Pattern ID_CARD_15 = Pattern.compile("^\\d{15}$");
  private static final Pattern WHITESPACE = Pattern.compile("\\s");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  private SensitiveValues() {}

  static @Nullable String phone(String field, @Nullable String raw) {
    return ContactValues.phone(field, raw);
  }

  static @Nullable String phoneTail(@Nullable String normalisedPhone) {
    return ContactValues.phoneTail(normalisedPhone);
  }

  static @Nullable String email(String field, @Nullable String raw) {
    return ContactValues.email(field, raw);
  }

  /**
   * A mainland resident identity card number: 18 characters with a valid check digit, or the old 15
   * digits.
   */
  static @Nullable String idCard(String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String id = WHITESPACE.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    if (ID_CARD_15.matcher(id).matches()) {
      return id;
    }
    if (!ID_CARD_18.matcher(id).matches() || checkDigit(id) != id.charAt(17)) {
      throw new InvalidInput(field, "invalid-id-card", "Not a valid resident identity card number");
    }
    return id;
  }

  private static char checkDigit(String id) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK.charAt(sum % 11);
  }

  static @Nullable LocalDate birthday(String field, @Nullable LocalDate birthday, LocalDate today) {
    if (birthday != null && (birthday.isAfter(today) || birthday.isBefore(today.minusYears(130)))) {
      throw new InvalidInput(field, "invalid-birthday", "A birthday lies in the past 130 years");
    }
    return birthday;
  }

  static @Nullable String text(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
