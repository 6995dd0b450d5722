package org.guanxi.crm.orders.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * An order import as the API shows it.
 *
 * @param linesProcessed lines read and settled so far, of {@code totalLines}
 * @param linesImported lines now in orders
 * @param ordersCreated sales created; {@code returnsCreated} returns created
 * @param linesWithoutCustomer lines that name no customer: not imported, listed in the report
 * @param linesRejected lines refused for another reason: listed in the report too
 * @param customersSettled customers whose record (lifecycle stage, timeline) took the import in;
 *     this follows once every line is processed
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
    @Nullable Instant finishedAt,
    Map<String, String> links) {

  static OrderImportResource of(OrderImport job) {
    String self = "/api/v1/order-imports/" + job.id();
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self);
    links.put("report", self + "/report.csv");
    return new OrderImportResource(
        job.id(),
        job.fileName(),
        job.status(),
        job.headers(),
        job.mapping().keys(),
        job.options(),
        job.totalLines(),
        job.linesDone(),
        job.linesImported(),
        job.ordersCreated(),
        job.returnsCreated(),
        job.linesWithoutCustomer(),
        job.linesRejected(),
        job.customersCreated(),
        job.productsCreated(),
        job.customersSettled(),
        job.failure(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt(),
        links);
  }
}
