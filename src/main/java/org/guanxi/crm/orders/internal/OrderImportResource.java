package org.guanxi.crm.orders.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.guanxi.crm.platform.imports.ImportTrail;

/**
 * An order import as the API shows it: what became of its lines ({@link OrderImport.Counts}) and
 * when it ran ({@link ImportTrail}) stand beside its other fields.
 *
 * @param linesProcessed lines read and settled so far, of {@code totalLines}
 */
record OrderImportResource(
    UUID id,
    String fileName,
    ImportStatus status,
    List<String> headers,
    Map<String, String> mapping,
    OrderImportOptions options,
    int totalLines,
    int linesProcessed,
    @JsonUnwrapped OrderImport.Counts counts,
    @JsonUnwrapped ImportTrail trail) {

  static OrderImportResource of(OrderImport job) {
    return new OrderImportResource(
        job.id(),
        job.fileName(),
        job.status(),
        job.headers(),
        job.mapping().keys(),
        job.options(),
        job.totalLines(),
        job.linesDone(),
        job.counts(),
        ImportTrail.of(job, "/api/v1/order-imports/" + job.id(), "report", "/report.csv"));
  }
}
