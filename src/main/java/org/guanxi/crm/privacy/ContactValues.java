package org.guanxi.crm.privacy;

import java.util.Locale;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a phone number and an e-mail address, so that one value typed in different
 * ways is sealed, blind-indexed and found as one — on a customer, a contact or a lead alike.
 */
public final class ContactValues {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE_CHARACTERS = Pattern.compile("[\\d\\s+()\\-.]+");
  private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");

  private ContactValues() {}

  /**
   * Digits only, without the +86/0086 country prefix of a Chinese number; {@link InvalidInput}
   * naming {@code field} when it is not a phone number.
   */
  public static @Nullable String phone(String field, @Nullable String raw) {
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

  /** The last four digits of a normalised phone number, which searches may use alone. */
  public static @Nullable String phoneTail(@Nullable String normalisedPhone) {
    return normalisedPhone == null ? null : normalisedPhone.substring(normalisedPhone.length() - 4);
  }

  /** Lower case and stripped; {@link InvalidInput} naming {@code field} when not an address. */
  public static @Nullable String email(String field, @Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String email = raw.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new InvalidInput(field, "invalid-email", "Not an e-mail address");
    }
    return email;
  }
}
