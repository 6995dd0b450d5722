package org.guanxi.crm.leads.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.imports.ImportReport;
import org.guanxi.crm.platform.imports.SpreadsheetCsv;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The error report of a lead import as a CSV file: for every rejected row and every possible
 * duplicate, its number, what became of it, the columns at fault and what is wrong (in the reader's
 * language), then the row as uploaded — so that it can be corrected and imported again.
 */
@Component
class LeadImportReport extends ImportReport {

  private final LeadImportService imports;

  LeadImportReport(LeadImportService imports, MessageSource messages) {
    super(messages);
    this.imports = imports;
  }

  /** Sends the report of an import the user ran; 404 (before anything is written) otherwise. */
  void download(CurrentUser user, UUID id, Locale locale, HttpServletResponse response)
      throws IOException {
    LeadImport done = imports.get(user, id);
    List<LeadImport.Row> rows = imports.reportedRows(user, id);
    SpreadsheetCsv csv = SpreadsheetCsv.download(response, fileName(done));
    List<String> header = new ArrayList<>();
    header.add(text("leadImport.report.row", "Row", locale));
    header.add(text("leadImport.report.outcome", "Outcome", locale));
    header.add(text("leadImport.report.column", "Column", locale));
    header.add(text("leadImport.report.problem", "Problem", locale));
    header.addAll(done.headers());
    csv.row(header);
    for (LeadImport.Row row : rows) {
      List<String> cells = new ArrayList<>();
      cells.add(String.valueOf(row.number()));
      cells.add(text("leadImport.outcome." + row.outcome(), row.outcome().name(), locale));
      cells.add(
          row.problems().stream()
              .map(p -> p.column() == null ? "" : p.column())
              .filter(c -> !c.isEmpty())
              .distinct()
              .collect(Collectors.joining("; ")));
      cells.add(
          row.problems().stream()
              .map(p -> problem(p, row, locale))
              .collect(Collectors.joining("; ")));
      for (int i = 0; i < done.headers().size(); i++) {
        cells.add(i < row.cells().size() ? row.cells().get(i) : "");
      }
      csv.row(cells);
    }
    csv.flush();
  }

  /** What is wrong, in the reader's language where a message exists, else as the API says it. */
  String problem(LeadImport.Problem problem, LeadImport.Row row, Locale locale) {
    Object[] args = {
      text("lead." + problem.field(), problem.field(), locale),
      row.duplicateOfRow() == null ? "" : String.valueOf(row.duplicateOfRow())
    };
    String message = message("leadImport.error." + problem.code(), args, locale);
    return message != null ? message : text("error." + problem.code(), problem.message(), locale);
  }

  static String fileName(LeadImport done) {
    return SpreadsheetCsv.nameAfter(done.fileName(), "errors");
  }
}
