package org.guanxi.crm.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportJob;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * An import of orders from a file, run in the background: where it stands and what became of its
 * lines.
 *
 * @param linesDone lines read and settled (imported, without customer or rejected)
 * @param counts what became of the lines so far
 */
record OrderImport(
    UUID id,
    UUID createdBy,
    String fileName,
    List<String> headers,
    ColumnMapping<OrderImportField> mapping,
    OrderImportOptions options,
    ImportStatus status,
    int totalLines,
    int batches,
    int batchesDone,
    int linesDone,
    Counts counts,
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt)
    implements ImportJob {

  /**
   * What became of an import's lines, as its page and the API (unwrapped into the import) show it.
   *
   * @param linesImported lines now in orders
   * @param ordersCreated sales created; {@code returnsCreated} returns created
   * @param linesWithoutCustomer lines that name no customer: not imported, listed in the report
   * @param linesRejected lines refused for another reason: listed in the report too
   * @param customersSettled customers told of their purchases once the lines were in (whose record,
   *     lifecycle stage and timeline, took the import in); this follows once every line is
   *     processed
   */
  record Counts(
      int linesImported,
      int ordersCreated,
      int returnsCreated,
      int linesWithoutCustomer,
      int linesRejected,
      int customersCreated,
      int productsCreated,
      int customersSettled) {

    /** Lines not imported: without customer, or rejected. */
    int linesNotImported() {
      return linesWithoutCustomer + linesRejected;
    }
  }

  /** Whether its lines are all in and its customers are being told of their purchases. */
  public boolean settlingCustomers() {
    return status == ImportStatus.RUNNING && batchesDone == batches;
  }
}
