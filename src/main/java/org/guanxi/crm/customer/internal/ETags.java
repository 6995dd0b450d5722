package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Versions carried in {@code ETag}/{@code If-Match} headers as {@code "3"}. */
final class ETags {

  private ETags() {}

  static @Nullable Long version(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInput("If-Match", "invalid-etag", "If-Match carries the ETag of a customer, such as \"3\"");
    }
  }
}
