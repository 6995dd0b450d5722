package org.guanxi.crm.privacy;

import org.jspecify.annotations.Nullable;

/**
 * How personal data looks to a user who may not reveal it: enough to recognise, not enough to use.
 */
public final class Masking {

  private Masking() {}

  public static @Nullable String mask(SensitiveField field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    return switch (field) {
      case PHONE, PHONE_TAIL -> phone(value);
      case EMAIL -> email(value);
      case ID_CARD -> keepEnds(value, 4, 4);
      case BIRTHDAY -> value.length() >= 4 ? value.substring(0, 4) + "-**-**" : "****";
      case ADDRESS -> keepEnds(value, Math.min(6, value.length() / 2), 0);
    };
  }

  /** 13812345678 → 138****5678; shorter numbers keep only their last digits. */
  static String phone(String value) {
    String digits = value.replaceAll("\\D", "");
    if (digits.length() >= 11) {
      return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
    return keepEnds(digits, 0, Math.min(4, digits.length() / 2));
  }

  /** zhang.wei@example.com → z***@example.com */
  static String email(String value) {
    int at = value.indexOf('@');
    if (at <= 0) {
      return keepEnds(value, 1, 0);
    }
    return value.charAt(0) + "***" + value.substring(at);
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
