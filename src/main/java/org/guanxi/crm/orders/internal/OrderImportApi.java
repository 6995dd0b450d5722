package org.guanxi.crm.orders.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.JsonFormFields;
import org.guanxi.crm.platform.imports.ImportApi;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(
    name = "Order imports",
    description = "Orders imported from files of order lines (CSV, Excel), in the background")
class OrderImportApi extends ImportApi<OrderImportService> {

  record ImportList(List<OrderImportResource> items, @Nullable String nextCursor) {}

  OrderImportApi(OrderImportService imports, OrderImportReport report, JsonFormFields formFields) {
    super(imports, report::download, formFields);
  }

  @PostMapping("/api/v1/orders/import")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  @Operation(
      summary = "Import orders from a file of order lines (CSV or Excel)",
      description =
          "multipart/form-data with 'file' (CSV in UTF-8, with or without a byte order mark, UTF-16 or GBK, "
              + "or an Excel workbook .xlsx, its first sheet; gzip-compressed or not), optionally 'mapping' — a JSON object {column header: field}, fields "
              + "orderNumber, orderDate, customerKey, customerName, productCode, description, quantity, unitPrice, "
              + "unitCost, discount, currency, country, unit (known headers such as InvoiceNo, CustomerID, 订单号 "
              + "are mapped by themselves; an empty field leaves a column out) — and 'options': "
              + "{dateFormat (such as M/d/yyyy H:mm; default year first), defaultCurrency (CNY), createCustomers "
              + "(false), createProducts (false, needs PRODUCT_WRITE), returnPrefix (C), customerKind (ORGANIZATION)}. "
              + "Lines group into orders by number and find their customer by its external key. The file and the "
              + "mapping are checked at once (422, nothing kept); the lines are imported in the background: poll "
              + "the Location. Honours Idempotency-Key.")
  ResponseEntity<OrderImportResource> upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "mapping", required = false) @Nullable String mapping,
      @RequestParam(name = "options", required = false) @Nullable String options) {
    OrderImport job =
        imports.upload(
            user,
            file.getOriginalFilename(),
            file::getInputStream,
            mapping(mapping),
            options(options),
            true);
    return accepted("/api/v1/order-imports/" + job.id(), OrderImportResource.of(job));
  }

  @GetMapping("/api/v1/order-imports")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  @Operation(
      summary = "Your order imports",
      description = "Newest first; pages by cursor (limit 1 to 100, default 20).")
  ImportList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "20") int limit) {
    OrderImportStore.Page page = imports.list(user, cursor, limit);
    return new ImportList(
        page.items().stream().map(OrderImportResource::of).toList(), page.nextCursor());
  }

  @GetMapping("/api/v1/order-imports/{id}")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  @Operation(
      summary = "Where an order import stands",
      description =
          "Status, lines processed of the total, orders and returns created, lines without customer, "
              + "rejected lines, customers and products created, and the link to the report.")
  OrderImportResource get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return OrderImportResource.of(imports.get(user, id));
  }

  @GetMapping("/api/v1/order-imports/{id}/report.csv")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  @Operation(
      summary = "The lines not imported, as CSV",
      description =
          "Line number, reason (NO_CUSTOMER, UNKNOWN_CUSTOMER, INVALID_DATE …), what it means, then the line as uploaded.")
  void report(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse out)
      throws IOException {
    download(user, id, out);
  }

  private OrderImportOptions.Choices options(@Nullable String options) {
    return read(
        "options",
        options,
        OrderImportOptions.Choices.class,
        new OrderImportOptions.Choices(null, null, null, null, null, null),
        "The options are a JSON object: dateFormat, defaultCurrency, createCustomers, "
            + "createProducts, returnPrefix, customerKind");
  }
}
