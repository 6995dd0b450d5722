package org.guanxi.crm.customer.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormOutcome;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.imports.ColumnMappingForm;
import org.guanxi.crm.platform.imports.ImportPageSupport;
import org.guanxi.crm.platform.imports.ImportProgress;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.guanxi.crm.platform.imports.RecentImports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of moving customers in and out: importing a file (upload, choice of columns, progress,
 * error report, decisions on possible duplicates), exporting the list, and merging a duplicate into
 * a customer.
 */
@Controller
class ImportPages extends ImportPageSupport<CustomerImportService> {

  private static final int HELD_ROWS_SHOWN = 200;

  private final HeldRows heldRows;
  private final CustomerExports exports;
  private final CustomerMerges merges;
  private final CustomerService customers;
  private final Clock clock;

  ImportPages(
      CustomerImportService imports,
      ImportErrorReport errorReport,
      HeldRows heldRows,
      CustomerExports exports,
      CustomerMerges merges,
      CustomerService customers,
      Clock clock) {
    super(imports, errorReport::download, "customer/not-found");
    this.heldRows = heldRows;
    this.exports = exports;
    this.merges = merges;
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping("/customers/imports")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String imports(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "recent",
        RecentImports.of(
            imports.recent(user),
            new RecentImports.Column<>("imports.imported", CustomerImport::imported),
            new RecentImports.Column<>("imports.rejected", CustomerImport::rejected),
            new RecentImports.Column<>(
                "imports.awaitingDecision", CustomerImport::awaitingDecision)));
    return "customer/imports";
  }

  @PostMapping("/customers/imports")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    byte[] content = file.getBytes();
    return FormOutcome.tryChange(
        () ->
            "redirect:/customers/imports/"
                + imports.upload(user, file.getOriginalFilename(), content, Map.of(), false).id(),
        model,
        response,
        () -> imports(user, model));
  }

  @GetMapping("/customers/imports/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    CustomerImport job = imports.get(user, id);
    if (job.status() == ImportStatus.DONE) {
      model.addAttribute(
          "held",
          heldRows.of(
              user, job, imports.rows(user, id, RowStatus.AWAITING_DECISION, 0, HELD_ROWS_SHOWN)));
    }
    return jobPage(model, job, progress(job), CustomerImportField.values(), "customer/import");
  }

  /** The progress part of the page, which asks for itself again while the import runs (htmx). */
  @GetMapping("/customers/imports/{id}/progress")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String progress(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response) {
    return progress(imports.get(user, id)).fragment(model, response);
  }

  private static ImportProgress progress(CustomerImport job) {
    return ImportProgress.of(
        "imports",
        "/customers/imports/" + job.id(),
        job,
        job.status().name(),
        job.rowsDone(),
        job.totalRows(),
        List.of(
            new ImportProgress.Count("imports.total", job.totalRows()),
            new ImportProgress.Count("imports.imported", job.imported()),
            new ImportProgress.Count("imports.rejected", job.rejected()),
            new ImportProgress.Count("imports.duplicates", job.duplicates()),
            new ImportProgress.Count("imports.awaitingDecision", job.awaitingDecision())),
        job.rejected(),
        "errors");
  }

  @PostMapping("/customers/imports/{id}/mapping")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String start(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    CustomerImport job = imports.get(user, id);
    Map<String, @Nullable String> choices = ColumnMappingForm.choices(job.headers(), form);
    return change(user, id, model, response, () -> imports.start(user, id, choices));
  }

  @PostMapping("/customers/imports/{id}/decisions")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  String decide(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam int row,
      @RequestParam CustomerImportService.Action action,
      Model model,
      HttpServletResponse response) {
    return change(
        user,
        id,
        model,
        response,
        () ->
            imports.decide(
                user, id, List.of(new CustomerImportService.Decision(row, action, null))));
  }

  /** Changes the import and goes back to its page; refused, its page again with the problems. */
  private String change(
      CurrentUser user, UUID id, Model model, HttpServletResponse response, Runnable change) {
    return change(change, "/customers/imports/" + id, model, response, () -> show(user, id, model));
  }

  @GetMapping("/customers/imports/{id}/errors.csv")
  @PreAuthorize("hasAuthority('CUSTOMER_IMPORT')")
  void errors(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      HttpServletResponse response)
      throws IOException {
    download(user, id, response);
  }

  @GetMapping("/customers/export.csv")
  @PreAuthorize("hasAuthority('CUSTOMER_EXPORT')")
  void export(
      @AuthenticationPrincipal CurrentUser user,
      CustomerPageFilters filters,
      HttpServletResponse response)
      throws IOException {
    CustomerExports.Export export = exports.start(user, filters.query(CustomerSort.NEWEST), false);
    CustomerExportApi.send(export, response, exports, clock);
  }

  @GetMapping("/customers/{id}/merge")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String mergePage(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String q,
      Model model) {
    Customer survivor = customers.get(user, id);
    model.addAttribute("customer", CustomerResource.of(survivor, false));
    model.addAttribute("q", q);
    if (q != null && !q.isBlank()) {
      CustomerPage found =
          customers.list(user, new CustomerPageFilters(q, null, false).query(CustomerSort.NAME));
      model.addAttribute(
          "candidates",
          found.items().stream()
              .filter(c -> !c.id().equals(id))
              .map(c -> CustomerResource.of(c, false))
              .toList());
    }
    return "customer/merge";
  }

  @PostMapping("/customers/{id}/merge")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String merge(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam UUID duplicateId,
      @RequestParam long version,
      Model model,
      HttpServletResponse response) {
    try {
      return change(
          () -> merges.merge(user, id, version, duplicateId),
          "/customers/" + id,
          model,
          response,
          () -> mergePage(user, id, null, model));
    } catch (StaleVersion e) {
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("conflict", true);
      return mergePage(user, id, null, model);
    }
  }

  @ExceptionHandler(LargeExportNotAllowed.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  ModelAndView tooLarge() {
    return new ModelAndView("customer/export-refused", Map.of("limit", CustomerExports.LARGE));
  }

  @ExceptionHandler(MultipartException.class)
  ModelAndView noFile() {
    return new ModelAndView("redirect:/customers/imports");
  }
}
