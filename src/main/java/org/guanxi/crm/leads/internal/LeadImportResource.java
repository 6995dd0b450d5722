package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lead import as the API shows it: counts, the mapping used, and each reported row's problems —
 * without the row's values, which are in the error report only.
 */
record LeadImportResource(
    UUID id,
    String fileName,
    List<String> headers,
    Map<String, String> mapping,
    LeadImport.Duplicates duplicatePolicy,
    @Nullable UUID ownerId,
    int totalRows,
    int imported,
    int rejected,
    int duplicates,
    Instant createdAt,
    String errorReport,
    List<ReportedRow> rows) {

  record ReportedRow(
      int row,
      LeadImport.Outcome outcome,
      List<LeadImport.Problem> problems,
      @Nullable Integer duplicateOfRow,
      @Nullable UUID duplicateOfLead,
      @Nullable UUID leadId) {}

  static LeadImportResource of(LeadImport done, List<LeadImport.Row> rows) {
    return new LeadImportResource(
        done.id(),
        done.fileName(),
        done.headers(),
        done.mapping(),
        done.duplicatePolicy(),
        done.ownerId(),
        done.totalRows(),
        done.imported(),
        done.rejected(),
        done.duplicates(),
        done.createdAt(),
        "/api/v1/lead-imports/" + done.id() + "/errors.csv",
        rows.stream()
            .map(
                r ->
                    new ReportedRow(
                        r.number(),
                        r.outcome(),
                        r.problems(),
                        r.duplicateOfRow(),
                        r.duplicateOfLead(),
                        r.leadId()))
            .toList());
  }
}
