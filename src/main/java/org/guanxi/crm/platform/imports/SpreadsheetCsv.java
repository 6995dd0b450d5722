package org.guanxi.crm.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * CSV written for spreadsheets, as every import's error report and every export writes it: UTF-8
 * with a byte order mark, so that Excel shows Chinese, and no cell that a spreadsheet would run as
 * a formula — a cell starting with = + - @, a tab or a carriage return gets a leading single quote
 * (CSV injection).
 */
public final class SpreadsheetCsv {

  /** The content type of what is written here. */
  public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final CSVPrinter printer;

  public SpreadsheetCsv(OutputStream out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    this.printer =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL);
  }

  /**
   * A CSV download named {@code fileName}: the response's content type and disposition are set
   * before anything is written.
   */
  public static SpreadsheetCsv download(HttpServletResponse response, String fileName)
      throws IOException {
    response.setContentType(CONTENT_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(fileName, StandardCharsets.UTF_8)
            .build()
            .toString());
    return new SpreadsheetCsv(response.getOutputStream());
  }

  /**
   * The name of a file made from an upload: its name without its endings ({@code .csv}, {@code
   * .csv.gz}, {@code .xlsx}) and {@code -suffix.csv} ({@code 订单.csv.gz} → {@code 订单-report.csv}).
   */
  public static String nameAfter(String uploaded, String suffix) {
    return uploaded.replaceAll("(\\.[A-Za-z0-9]{1,5}){1,2}$", "") + "-" + suffix + ".csv";
  }

  public void row(List<? extends @Nullable Object> cells) throws IOException {
    List<String> defused = new ArrayList<>(cells.size());
    for (Object cell : cells) {
      defused.add(defused(cell));
    }
    printer.printRecord(defused);
  }

  public void flush() throws IOException {
    printer.flush();
  }

  static String defused(@Nullable Object cell) {
    String text = cell == null ? "" : cell.toString();
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
