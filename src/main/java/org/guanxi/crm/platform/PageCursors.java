package org.guanxi.crm.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The opaque {@code nextCursor} of keyset-paged lists: the sort key and id of a page's last row,
 * joined and encoded so that clients treat it as a token. A token that is not one a list gave out
 * is a 422 {@code invalid-cursor}.
 */
public final class PageCursors {

  private PageCursors() {}

  public static String encode(Object... parts) {
    StringBuilder plain = new StringBuilder();
    for (Object part : parts) {
      if (plain.length() > 0) {
        plain.append('\n');
      }
      plain.append(part);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The token's parts, read by {@code read}; any failure to decode or read them is the caller's bad
   * input. The last part may itself contain line breaks.
   */
  public static <T> T decode(String token, int parts, Function<List<String>, T> read) {
    try {
      String[] split =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
              .split("\n", parts);
      if (split.length != parts) {
        throw new IllegalArgumentException("a cursor of another list");
      }
      // a list never gives out a NUL, and the database would refuse to compare with one
      for (String part : split) {
        if (!StorableText.storable(part)) {
          throw new IllegalArgumentException("a made-up cursor");
        }
      }
      return read.apply(List.of(split));
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "cursor",
          "invalid-cursor",
          "The cursor is not one this list gave out; start from the first page");
    }
  }

  /**
   * Refuses a page size that is not from 1 to {@code max} as the caller's bad input ({@code
   * out-of-range} on {@code limit}).
   */
  public static void checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new InvalidInput("limit", "out-of-range", "limit is between 1 and " + max);
    }
  }
}
