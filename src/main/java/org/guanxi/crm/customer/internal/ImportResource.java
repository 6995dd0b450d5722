package org.guanxi.crm.customer.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.guanxi.crm.platform.imports.ImportTrail;

/**
 * An import as the API shows it, when it ran ({@link ImportTrail}) standing beside its counts.
 *
 * @param processed rows read and settled so far, of {@code total}
 * @param imported customers created, by the import and by decisions on possible duplicates
 * @param duplicates rows held as possible duplicates, of which {@code awaitingDecision} still wait
 */
record ImportResource(
    UUID id,
    String fileName,
    String format,
    ImportStatus status,
    List<String> headers,
    Map<String, String> mapping,
    int total,
    int processed,
    int imported,
    int rejected,
    int duplicates,
    int awaitingDecision,
    int skipped,
    int merged,
    @JsonUnwrapped ImportTrail trail) {

  static ImportResource of(CustomerImport job) {
    Map<String, String> mapping = new LinkedHashMap<>();
    job.headers().stream()
        .filter(job.mapping()::containsKey)
        .forEach(h -> mapping.put(h, job.mapping().get(h)));
    return new ImportResource(
        job.id(),
        job.fileName(),
        job.format(),
        job.status(),
        job.headers(),
        mapping,
        job.totalRows(),
        job.rowsDone(),
        job.imported(),
        job.rejected(),
        job.duplicates(),
        job.awaitingDecision(),
        job.count(RowStatus.SKIPPED),
        job.count(RowStatus.MERGED),
        ImportTrail.of(
            job,
            "/api/v1/customer-imports/" + job.id(),
            "errors",
            "/errors.csv",
            "duplicates",
            "/duplicates",
            "decisions",
            "/decisions"));
  }
}
