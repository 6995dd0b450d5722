package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.JsonFormFields;
import org.guanxi.crm.platform.imports.ImportApi;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(
    name = "Customer imports",
    description = "Customers imported from CSV or Excel files, in the background")
class CustomerImportApi extends ImportApi<CustomerImportService> {

  record DuplicateList(List<HeldRows.HeldRow> items, @Nullable Integer nextAfter) {}

  private static final int MAX_PAGE = 200;

  private final HeldRows heldRows;

  CustomerImportApi(
      CustomerImportService imports,
      ImportErrorReport errorReport,
      HeldRows heldRows,
      JsonFormFields formFields) {
    super(imports, errorReport::download, formFields);
    this.heldRows = heldRows;
  }

  @PostMapping("/api/v1/customers/import")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  @Operation(
      summary = "Import customers from a CSV or XLSX file",
      description =
          "multipart/form-data with 'file' and, optionally, 'mapping': a JSON object {column header: field name} "
              + "(an empty name leaves a column out). Known headers in English and Chinese are mapped by themselves. The file "
              + "is checked at once (422 if it cannot be read); its rows are imported in the background: poll the Location.")
  ResponseEntity<ImportResource> upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "mapping", required = false) @Nullable String mapping)
      throws IOException {
    CustomerImport job =
        imports.upload(user, file.getOriginalFilename(), file.getBytes(), mapping(mapping), true);
    return accepted("/api/v1/customer-imports/" + job.id(), ImportResource.of(job));
  }

  @GetMapping("/api/v1/customer-imports/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  @Operation(
      summary = "Where an import stands",
      description = "Status, counts and links to the error report and the possible duplicates.")
  ImportResource get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return ImportResource.of(imports.get(user, id));
  }

  @GetMapping("/api/v1/customer-imports/{id}/errors.csv")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  @Operation(
      summary = "The rejected rows as CSV",
      description = "Row number, columns, problem, then the row as uploaded.")
  void errors(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse out)
      throws IOException {
    download(user, id, out);
  }

  @GetMapping("/api/v1/customer-imports/{id}/duplicates")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  @Operation(
      summary = "Rows held as possible duplicates",
      description =
          "Each with the reasons (EMAIL, PHONE, NAME, PINYIN, SIMILAR_NAME) and the existing customer it may duplicate. "
              + "status=AWAITING_DECISION (default), CREATED, SKIPPED or MERGED; page with after=<last row>.")
  DuplicateList duplicates(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "AWAITING_DECISION") RowStatus status,
      @RequestParam(defaultValue = "0") int after,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInput("limit", "out-of-range", "limit is between 1 and " + MAX_PAGE);
    }
    if (status == RowStatus.REJECTED) {
      throw new InvalidInput(
          "status", "rejected-rows-in-report", "The rejected rows are in errors.csv");
    }
    CustomerImport job = imports.get(user, id);
    List<CustomerImport.Row> rows = imports.rows(user, id, status, after, limit);
    return new DuplicateList(
        heldRows.of(user, job, rows),
        rows.size() == limit ? rows.get(rows.size() - 1).number() : null);
  }

  @PostMapping("/api/v1/customer-imports/{id}/decisions")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  @Operation(
      summary = "Decide on possible duplicates",
      description =
          "[{\"row\": 7, \"action\": \"CREATE\" | \"SKIP\" | \"MERGE_INTO\", \"customerId\": optional}]: all applied or none. "
              + "MERGE_INTO fills the empty fields of the existing customer (the candidate found unless customerId names another).")
  ImportResource decide(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestBody List<CustomerImportService.Decision> decisions) {
    return ImportResource.of(imports.decide(user, id, decisions));
  }
}
