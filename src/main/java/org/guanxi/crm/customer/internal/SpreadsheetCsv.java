package org.guanxi.crm.customer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * CSV written for spreadsheets: UTF-8 with a byte order mark, so that Excel shows Chinese, and no
 * cell that a spreadsheet would run as a formula — a cell starting with = + - @, a tab or a
 * carriage return gets a leading single quote (CSV injection).
 */
final class SpreadsheetCsv {

  static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final CSVPrinter printer;

  SpreadsheetCsv(OutputStream out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    this.printer =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL);
  }

  void row(List<? extends @Nullable Object> cells) throws IOException {
    List<String> defused = new ArrayList<>(cells.size());
    for (Object cell : cells) {
      defused.add(defused(cell));
    }
    printer.printRecord(defused);
  }

  void flush() throws IOException {
    printer.flush();
  }

  static String defused(@Nullable Object cell) {
    String text = cell == null ? "" : cell.toString();
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
