package org.guanxi.crm.sales.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a lead's phone number and e-mail address, so that one value typed in
 * different ways is stored, indexed and found as one. The rules are the customer module's: a lead's
 * values become a customer's on conversion.
 */
final class LeadContactValues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("[\\d\\s+()\\-.]+");
  private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");

  private LeadContactValues() {}

  /** Digits only, without the +86/0086 country prefix of a Chinese number. */
  static @Nullable String phone(String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (!PHONE_CHARACTERS.matcher(raw).matches()) {
      throw new InvalidInput(
          field, "invalid-phone", "A phone number has digits, spaces, + - ( ) only");
    }
    String digits = NOT_A_DIGIT.matcher(raw).replaceAll("");
    if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    if (digits.length() < 5 || digits.length() > 15) {
      throw new InvalidInput(field, "invalid-phone", "A phone number has 5 to 15 digits");
    }
    return digits;
  }

  static @Nullable String phoneTail(@Nullable String normalisedPhone) {
    return normalisedPhone == null ? null : normalisedPhone.substring(normalisedPhone.length() - 4);
  }

  static @Nullable String email(String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String email = raw.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new InvalidInput(field, "invalid-email", "Not an e-mail address");
    }
    return email;
  }

  static @Nullable String text(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String stripped = raw.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
