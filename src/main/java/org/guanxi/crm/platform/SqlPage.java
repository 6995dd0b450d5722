package org.guanxi.crm.platform;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a keyset-paged list: its rows, and the cursor of the next page while there is one. A
 * store reads one row more than the page holds ({@link #rowsToRead}); that row tells whether a next
 * page exists.
 */
public record SqlPage<T>(List<T> items, @Nullable String nextCursor) {

  /**
   * What a list query asks for: the page after a cursor (null: the first), of {@code limit} rows.
   */
  public interface Request {

    @Nullable String cursor();

    int limit();

    /** A request of a list that has no filters of its own. */
    static Request of(@Nullable String cursor, int limit) {
      record Plain(@Nullable String cursor, int limit) implements Request {}
      return new Plain(cursor, limit);
    }
  }

  /**
   * The order of a keyset-paged list, its rows by a sort key and then by id, both ascending or both
   * descending, and its cursors ({@link SqlCursor}): how a cursor's key reads back as the parameter
   * to compare with ({@code cursorKey}), and a row's key and id ({@code rowKey}, {@code rowId})
   * that the cursor after it holds.
   */
  public record Keyset<T>(
      String keyColumn,
      String idColumn,
      boolean descending,
      Function<String, Object> cursorKey,
      Function<T, Object> rowKey,
      Function<T, UUID> rowId) {

    /** The newest rows first, by a timestamp column. */
    public static <T> Keyset<T> newestFirst(
        String keyColumn, String idColumn, Function<T, Instant> rowKey, Function<T, UUID> rowId) {
      return new Keyset<>(
          keyColumn, idColumn, true, at -> Timestamp.from(Instant.parse(at)), rowKey::apply, rowId);
    }

    /** The rows by a date column, the latest first when {@code descending}. */
    public static <T> Keyset<T> byDate(
        String keyColumn,
        String idColumn,
        boolean descending,
        Function<T, LocalDate> rowKey,
        Function<T, UUID> rowId) {
      return new Keyset<>(
          keyColumn,
          idColumn,
          descending,
          day -> Date.valueOf(LocalDate.parse(day)),
          rowKey::apply,
          rowId);
    }

    /** The order by clause: the key, then the id, in the same direction. */
    public String orderBy() {
      String direction = descending ? " desc" : "";
      return keyColumn + direction + ", " + idColumn + direction;
    }

    /** The cursor of the page after {@code last}. */
    String cursorAfter(T last) {
      return new SqlCursor<>(rowKey.apply(last), rowId.apply(last)).encode();
    }
  }

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
