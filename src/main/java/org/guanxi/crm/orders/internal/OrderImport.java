package org.guanxi.crm.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * An import of orders from a file, run in the background: where it stands and what became of its
 * lines.
 *
 * @param linesDone lines read and settled (imported, without customer or rejected)
 * @param customersSettled customers told of their purchases once the lines were in
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
    int linesImported,
    int ordersCreated,
    int returnsCreated,
    int linesWithoutCustomer,
    int linesRejected,
    int customersCreated,
    int productsCreated,
    int customersSettled,
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt) {

  /** Whether its lines are all in and its customers are being told of their purchases. */
  public boolean settlingCustomers() {
    return status == ImportStatus.RUNNING && batchesDone == batches;
  }

  /** Lines not imported: without customer, or rejected. */
  public int linesNotImported() {
    return linesWithoutCustomer + linesRejected;
  }
}
