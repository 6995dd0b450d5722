package org.guanxi.crm.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Spreadsheet files read and written as the customer import and export do, for other modules'
 * imports and reports. Read: CSV in UTF-8 with or without a byte order mark, UTF-16 with one, or
 * GBK as a Chinese Excel saves it (comma, semicolon or tab), or an Excel workbook (.xlsx, its first
 * sheet). Written: CSV in UTF-8 with a byte order mark, so that Excel shows Chinese, with every
 * cell that a spreadsheet would run as a formula defused (CSV injection).
 */
public interface SpreadsheetFiles {

  /** The content type of the CSV written here. */
  String CSV_CONTENT_TYPE = "text/csv;charset=UTF-8";

  /** A row as the spreadsheet numbers it (the header is row 1), its cells as text. */
  record Row(int number, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * Hands every row that is not blank to {@code rows}, the header row first, one at a time. A file
   * that cannot be read is refused with {@link org.guanxi.crm.platform.InvalidInput} on the field
   * {@code file} (codes such as {@code empty-file}, {@code unknown-encoding}, {@code
   * malformed-csv}, {@code cell-too-large} as soon as a cell or row grows beyond {@link
   * org.guanxi.crm.platform.CellLimit}); what {@code rows} throws passes through unchanged.
   */
  void read(byte[] content, Consumer<Row> rows);

  /** Writes {@code rows} as CSV for spreadsheets to {@code out}, and flushes it. */
  void writeCsv(OutputStream out, List<? extends List<? extends @Nullable Object>> rows)
      throws IOException;
}
