package org.guanxi.crm.orders.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.imports.ImportReport;
import org.guanxi.crm.platform.imports.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lines of an import that are not in orders, as a CSV file for spreadsheets: the line number,
 * the reason (a stable code such as {@code NO_CUSTOMER}) and what it means in the reader's
 * language, then the line as it was uploaded. UTF-8 with a byte order mark, so that Excel shows
 * Chinese; a cell that a spreadsheet would run as a formula (= + - @, a tab or a carriage return
 * first) gets a leading single quote.
 */
@Component
class OrderImportReport extends ImportReport {

  private static final int BATCHES_PER_READ = 20;

  private final OrderImportService imports;
  private final OrderImportStore store;

  OrderImportReport(OrderImportService imports, OrderImportStore store, MessageSource messages) {
    super(messages);
    this.imports = imports;
    this.store = store;
  }

  /** Sends the report of an import the user started as a CSV download. */
  void download(CurrentUser user, UUID id, Locale locale, HttpServletResponse response)
      throws IOException {
    OrderImport job = imports.get(user, id);
    write(job, locale, SpreadsheetCsv.download(response, fileName(job)));
  }

  void write(OrderImport job, Locale locale, SpreadsheetCsv csv) throws IOException {
    List<String> header = new ArrayList<>();
    header.add(text("orderImports.report.line", "Line", locale));
    header.add(text("orderImports.report.reason", "Reason", locale));
    header.add(text("orderImports.report.problem", "Problem", locale));
    header.addAll(job.headers());
    csv.row(header);
    int after = -1;
    List<OrderImportStore.Report> reports;
    do {
      reports = store.reports(job.id(), after, BATCHES_PER_READ);
      for (OrderImportStore.Report report : reports) {
        for (List<String> row : OrderFile.records(report.text())) {
          List<String> cells = new ArrayList<>(row.size() + 1);
          cells.add(row.get(0));
          cells.add(row.get(1));
          cells.add(text("orderImports.problem." + row.get(1), row.get(1), locale));
          cells.addAll(row.subList(2, row.size()));
          csv.row(cells);
        }
        after = report.batch();
      }
      csv.flush();
    } while (reports.size() == BATCHES_PER_READ);
  }

  static String fileName(OrderImport job) {
    return SpreadsheetCsv.nameAfter(job.fileName(), "report");
  }
}
