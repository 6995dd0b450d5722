package org.guanxi.crm.customer.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.imports.ImportReport;
import org.guanxi.crm.platform.imports.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rejected rows of an import as a CSV file: the row number, the columns at fault and what is
 * wrong (in the reader's language), then the row as it was uploaded — so that it can be corrected
 * and imported again as it is.
 */
@Component
class ImportErrorReport extends ImportReport {

  private static final int PAGE = 1_000;

  private final CustomerImportService imports;

  ImportErrorReport(CustomerImportService imports, MessageSource messages) {
    super(messages);
    this.imports = imports;
  }

  /** Checks that the user may read the report; before anything is written. */
  CustomerImport open(CurrentUser user, UUID importId) {
    return imports.get(user, importId);
  }

  /** Sends the report of an import the user started as a CSV download. */
  void download(CurrentUser user, UUID id, Locale locale, HttpServletResponse response)
      throws IOException {
    CustomerImport job = open(user, id);
    write(user, job, locale, SpreadsheetCsv.download(response, fileName(job)));
  }

  void write(CurrentUser user, CustomerImport job, Locale locale, SpreadsheetCsv csv)
      throws IOException {
    List<String> header = new ArrayList<>();
    header.add(text("imports.report.row", "Row", locale));
    header.add(text("imports.report.column", "Column", locale));
    header.add(text("imports.report.problem", "Problem", locale));
    header.addAll(job.headers());
    csv.row(header);
    int after = 0;
    List<CustomerImport.Row> rows;
    do {
      rows = imports.rows(user, job.id(), RowStatus.REJECTED, after, PAGE);
      for (CustomerImport.Row row : rows) {
        List<String> cells = new ArrayList<>();
        cells.add(String.valueOf(row.number()));
        cells.add(
            row.errors().stream()
                .map(e -> e.column() == null ? "" : e.column())
                .distinct()
                .collect(Collectors.joining("; ")));
        cells.add(
            row.errors().stream()
                .map(e -> text("error." + e.code(), e.message(), locale))
                .collect(Collectors.joining("; ")));
        job.headers().forEach(h -> cells.add(row.values().getOrDefault(h, "")));
        csv.row(cells);
        after = row.number();
      }
      csv.flush();
    } while (rows.size() == PAGE);
  }

  static String fileName(CustomerImport job) {
    return SpreadsheetCsv.nameAfter(job.fileName(), "errors");
  }
}
