package org.guanxi.crm.customer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.guanxi.crm.customer.SpreadsheetFiles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@link SpreadsheetFiles} for other modules, through the customer import's own {@link ImportFile}
 * and the export's {@link SpreadsheetCsv}.
 */
@Component
class SharedSpreadsheetFiles implements SpreadsheetFiles {

  @Override
  public void read(byte[] content, Consumer<Row> rows) {
    ImportFile.of(content).read(row -> rows.accept(new Row(row.number(), row.cells())));
  }

  @Override
  public void writeCsv(OutputStream out, List<? extends List<? extends @Nullable Object>> rows)
      throws IOException {
    SpreadsheetCsv csv = new SpreadsheetCsv(out);
    for (List<? extends @Nullable Object> row : rows) {
      csv.row(row);
    }
    csv.flush();
  }
}
