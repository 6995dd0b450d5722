package org.guanxi.crm.platform;

import java.util.Locale;

/**
 * How much text one cell of an uploaded table may hold, and one row: far more than any field takes
 * (the longest are notes of a few thousand characters), so that only a broken file — a quotation
 * mark never closed runs on to the end — or a hostile one reaches it. Every reader of uploads (the
 * customer, lead and order imports) checks it while it reads, so that such a file is refused at
 * once, not after it has been read whole, stored and checked row by row.
 */
public final class CellLimit {

  /** The most characters one cell may hold. */
  public static final int MAX_CHARACTERS = 100_000;

  /**
   * The most characters one row may hold: readers that cannot see where a cell ends while they read
   * (commons-csv hands over a row only when it has read all of it) stop a row at this length.
   */
  public static final int MAX_ROW_CHARACTERS = 1_000_000;

  /** The code of the refusal, as {@link InvalidInput} on the field {@code file} carries it. */
  public static final String CODE = "cell-too-large";

  private CellLimit() {}

  /** The refusal of a file whose row {@code row} (the header is row 1) has a cell too long. */
  public static InvalidInput cellExceeded(long row) {
    return tooLong(
        "Row %d has a cell of more than %,d characters, more than any field takes",
        row, MAX_CHARACTERS);
  }

  /** The refusal of a file whose row {@code row} (the header is row 1) is too long. */
  public static InvalidInput rowExceeded(long row) {
    return tooLong(
        "Row %d holds more than %,d characters, more than any row of fields takes",
        row, MAX_ROW_CHARACTERS);
  }

  private static InvalidInput tooLong(String what, long row, long limit) {
    return new InvalidInput(
        "file",
        CODE,
        String.format(
            Locale.ROOT, what + " (often a quotation mark that is never closed).", row, limit));
  }
}
