package org.guanxi.crm.leads.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Lead imports", description = "Leads imported from CSV or Excel files")
class LeadImportApi extends ImportApi<LeadImportService> {

  private static final String UPLOAD =
      "multipart/form-data with 'file' (CSV in UTF-8 with or without BOM, or GBK; or .xlsx; at most "
          + LeadImport.MAX_ROWS
          + " rows and 10 MB) and optionally 'mapping', a JSON object {column header: field} "
          + "(name, company, title, phone, email, source, city, industry, notes; an empty field leaves a column "
          + "out; headers in English or Chinese are recognised by themselves), 'duplicates' SKIP (default) or "
          + "IMPORT for rows with the e-mail or phone of an earlier row or an existing lead, and 'ownerId' to "
          + "give every lead to one user instead of the assignment rules. Runs at once: 201 with the counts "
          + "and every rejected or duplicate row; the rows as uploaded are in the error report. Honours "
          + "Idempotency-Key. A file that cannot be read is 422 and imports nothing.";

  LeadImportApi(LeadImportService imports, LeadImportReport report, JsonFormFields formFields) {
    super(imports, report::download, formFields);
  }

  @PostMapping("/api/v1/leads/import")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  @Operation(summary = "Import leads from a CSV or XLSX file", description = UPLOAD)
  ResponseEntity<LeadImportResource> upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file,
      @RequestParam(name = "mapping", required = false) @Nullable String mapping,
      @RequestParam(name = "duplicates", defaultValue = "SKIP") LeadImport.Duplicates duplicates,
      @RequestParam(name = "ownerId", required = false) @Nullable UUID ownerId)
      throws IOException {
    if (file.getSize() > LeadImport.MAX_BYTES) {
      throw new InvalidInput(
          "file", "file-too-large", "A lead import takes files of up to 10 MB; split the file");
    }
    LeadImport done =
        imports.run(
            user,
            file.getOriginalFilename(),
            file.getBytes(),
            mapping(mapping),
            duplicates,
            ownerId);
    return ResponseEntity.created(URI.create("/api/v1/lead-imports/" + done.id()))
        .body(LeadImportResource.of(done, imports.reportedRows(user, done.id())));
  }

  @GetMapping("/api/v1/lead-imports/{id}")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  @Operation(
      summary = "A lead import you ran",
      description = "Counts, the mapping used and the rejected or duplicate rows.")
  LeadImportResource get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return LeadImportResource.of(imports.get(user, id), imports.reportedRows(user, id));
  }

  @GetMapping("/api/v1/lead-imports/{id}/errors.csv")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  @Operation(
      summary = "The error report of a lead import as CSV",
      description =
          "Row number, outcome (rejected, duplicate skipped, duplicate imported), columns, problem, then the row as uploaded.")
  void errors(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, HttpServletResponse out)
      throws IOException {
    download(user, id, out);
  }
}
