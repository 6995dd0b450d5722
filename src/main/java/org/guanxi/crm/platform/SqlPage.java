package org.guanxi.crm.platform;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged list: its rows, and the cursor of the next page while there is one. A
 * store reads one row more than the page holds ({@link #rowsToRead}); that row tells whether a next
 * page exists.
 */
public record SqlPage<T>(List<T> items, @Nullable String nextCursor) {

  /**
   * The size of a page a caller asked for, which must be from 1 to {@code max}.
   *
   * @throws InvalidInput {@code out-of-range} on {@code limit} otherwise
   */
  public static int checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new InvalidInput("limit", "out-of-range", "limit is between 1 and " + max);
    }
    return limit;
  }

  /** How many rows a store reads for a page of {@code limit}: one more. */
  public static int rowsToRead(int limit) {
    return limit + 1;
  }

  /**
   * The page of the rows read: at most {@code limit} of them, and the cursor after the last when a
   * row was left over.
   */
  public static <T> SqlPage<T> of(List<T> rows, int limit, Function<T, String> cursorAfter) {
    if (rows.size() <= limit) {
      return new SqlPage<>(List.copyOf(rows), null);
    }
    List<T> page = List.copyOf(rows.subList(0, limit));
    return new SqlPage<>(page, cursorAfter.apply(page.get(limit - 1)));
  }
}
