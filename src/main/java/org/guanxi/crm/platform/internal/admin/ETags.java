package org.guanxi.crm.platform.internal.admin;

import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** Versions carried in {@code ETag}/{@code If-Match} headers as {@code "3"}. */
final class ETags {

  private ETags() {}

  static String of(long version) {
    return "\"" + version + "\"";
  }

  static @Nullable Long version(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    try {
      return Long.parseLong(value.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new InvalidInput("If-Match", "invalid-etag", "If-Match carries the ETag you read, such as \"3\"");
    }
  }
}
