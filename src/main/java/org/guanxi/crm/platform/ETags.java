package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;

/** Record versions carried in {@code ETag}/{@code If-Match} headers as {@code "3"}. */
public final class ETags {

  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names. Every change of an existing record must name one:
   * an absent header or {@code *} (any version) is {@link VersionRequired}, as either would let the
   * change overwrite a colleague's; a value that is not an ETag the CRM gave out is {@link
   * UnknownVersion}, a precondition that cannot hold.
   */
  public static long version(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      throw new VersionRequired();
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    // the quotes HTTP asks for, though a bare number has always been read too
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UnknownVersion(ifMatch);
    }
  }
}
