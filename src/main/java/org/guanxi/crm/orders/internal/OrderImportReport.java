package org.guanxi.crm.orders.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The lines of an import that are not in orders, as a CSV file for spreadsheets: the line number,
 * the reason (a stable code such as {@code NO_CUSTOMER}) and what it means in the reader's
 * language, then the line as it was uploaded. UTF-8 with a byte order mark, so that Excel shows
 * Chinese; a cell that a spreadsheet would run as a formula (= + - @, a tab or a carriage return
 * first) gets a leading single quote.
 */
@Component
class OrderImportReport {

  static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final int BATCHES_PER_READ = 20;

  private final OrderImportService imports;
  private final OrderImportStore store;
  private final MessageSource messages;

  OrderImportReport(OrderImportService imports, OrderImportStore store, MessageSource messages) {
    this.imports = imports;
    this.store = store;
    this.messages = messages;
  }

  /** Sends the report of an import the user started as a CSV download. */
  void download(CurrentUser user, UUID id, Locale locale, HttpServletResponse response)
      throws IOException {
    OrderImport job = imports.get(user, id);
    response.setContentType(CONTENT_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(fileName(job), StandardCharsets.UTF_8)
            .build()
            .toString());
    write(job, locale, response.getOutputStream());
  }

  void write(OrderImport job, Locale locale, OutputStream out) throws IOException {
    out.write(BYTE_ORDER_MARK);
    CSVPrinter csv =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL);
    List<String> header = new ArrayList<>();
    header.add(message("orderImports.report.line", "Line", locale));
    header.add(message("orderImports.report.reason", "Reason", locale));
    header.add(message("orderImports.report.problem", "Problem", locale));
    header.addAll(job.headers());
    csv.printRecord(defused(header));
    int after = -1;
    List<OrderImportStore.Report> reports;
    do {
      reports = store.reports(job.id(), after, BATCHES_PER_READ);
      for (OrderImportStore.Report report : reports) {
        for (List<String> row : OrderFile.records(report.text())) {
          List<String> cells = new ArrayList<>(row.size() + 1);
          cells.add(row.get(0));
          cells.add(row.get(1));
          cells.add(message("orderImports.problem." + row.get(1), row.get(1), locale));
          cells.addAll(row.subList(2, row.size()));
          csv.printRecord(defused(cells));
        }
        after = report.batch();
      }
      csv.flush();
    } while (reports.size() == BATCHES_PER_READ);
  }

  private String message(String code, String fallback, Locale locale) {
    String text = messages.getMessage(code, null, fallback, locale);
    return text == null ? fallback : text;
  }

  private static List<String> defused(List<? extends @Nullable String> cells) {
    List<String> safe = new ArrayList<>(cells.size());
    for (String cell : cells) {
      String text = cell == null ? "" : cell;
      safe.add(!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text);
    }
    return safe;
  }

  static String fileName(OrderImport job) {
    return job.fileName().replaceAll("(\\.[A-Za-z0-9]{1,5}){1,2}$", "") + "-report.csv";
  }
}
