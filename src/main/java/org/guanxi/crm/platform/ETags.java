package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;

/** Record versions carried in {@code ETag}/{@code If-Match} headers as {@code "3"}. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header asks for, or null when it asks for none (absent or
   * {@code *}).
   */
  public static @Nullable Long version(@Nullable String ifMatch) {
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
      throw new InvalidInput(
          "If-Match", "invalid-etag", "If-Match carries the ETag you read, such as \"3\"");
    }
  }
}
