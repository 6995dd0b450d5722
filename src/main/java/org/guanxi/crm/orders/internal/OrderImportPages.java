package org.guanxi.crm.orders.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormOutcome;
import org.guanxi.crm.platform.imports.ColumnMappingForm;
import org.guanxi.crm.platform.imports.ImportPageSupport;
import org.guanxi.crm.platform.imports.ImportProgress;
import org.guanxi.crm.platform.imports.RecentImports;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages of importing orders: upload a file, choose which column fills which field and the
 * options, watch the progress, download the report of the lines not imported.
 */
@Controller
@RequestMapping("/orders/import")
class OrderImportPages extends ImportPageSupport<OrderImportService> {

  private static final int RECENT = 20;

  OrderImportPages(OrderImportService imports, OrderImportReport report) {
    super(imports, report::download, "orders/order-import-not-found");
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  String imports(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "recent",
        RecentImports.of(
            imports.list(user, null, RECENT).items(),
            new RecentImports.Column<>(
                "orderImports.ordersCreated", j -> j.counts().ordersCreated()),
            new RecentImports.Column<>(
                "orderImports.returnsCreated", j -> j.counts().returnsCreated()),
            new RecentImports.Column<>(
                "orderImports.notImported", j -> j.counts().linesNotImported())));
    return "orders/order-imports";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  String upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file,
      Model model,
      HttpServletResponse response) {
    return FormOutcome.tryChange(
        () ->
            "redirect:/orders/import/"
                + imports
                    .upload(
                        user,
                        file.getOriginalFilename(),
                        file::getInputStream,
                        Map.of(),
                        new OrderImportOptions.Choices(null, null, null, null, null, null),
                        false)
                    .id(),
        model,
        response,
        () -> imports(user, model));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    OrderImport job = imports.get(user, id);
    model.addAttribute("kinds", CustomerKind.values());
    return jobPage(model, job, progress(job), OrderImportField.values(), "orders/order-import");
  }

  /** The progress part of the page, which asks for itself again while the import runs (htmx). */
  @GetMapping("/{id}/progress")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  String progress(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response) {
    return progress(imports.get(user, id)).fragment(model, response);
  }

  private static ImportProgress progress(OrderImport job) {
    OrderImport.Counts counts = job.counts();
    return ImportProgress.of(
        "orderImports",
        "/orders/import/" + job.id(),
        job,
        job.settlingCustomers() ? "SETTLING" : job.status().name(),
        job.linesDone(),
        job.totalLines(),
        List.of(
            new ImportProgress.Count("orderImports.totalLines", job.totalLines()),
            new ImportProgress.Count("orderImports.linesImported", counts.linesImported()),
            new ImportProgress.Count("orderImports.ordersCreated", counts.ordersCreated()),
            new ImportProgress.Count("orderImports.returnsCreated", counts.returnsCreated()),
            new ImportProgress.Count(
                "orderImports.linesWithoutCustomer", counts.linesWithoutCustomer()),
            new ImportProgress.Count("orderImports.linesRejected", counts.linesRejected()),
            new ImportProgress.Count("orderImports.customersCreated", counts.customersCreated()),
            new ImportProgress.Count("orderImports.productsCreated", counts.productsCreated())),
        counts.linesNotImported(),
        "report");
  }

  @PostMapping("/{id}/mapping")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  String start(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    OrderImport job = imports.get(user, id);
    Map<String, @Nullable String> choices = ColumnMappingForm.choices(job.headers(), form);
    OrderImportOptions.Choices options =
        new OrderImportOptions.Choices(
            form.getOrDefault("dateFormat", ""),
            form.get("defaultCurrency"),
            form.containsKey("createCustomers"),
            form.containsKey("createProducts"),
            form.getOrDefault("returnPrefix", ""),
            kind(form.get("customerKind")));
    return change(
        () -> imports.start(user, id, choices, options),
        "/orders/import/" + id,
        model,
        response,
        () -> show(user, id, model));
  }

  @GetMapping("/{id}/report.csv")
  @PreAuthorize("hasAuthority('ORDER_IMPORT')")
  void report(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      HttpServletResponse response)
      throws IOException {
    download(user, id, response);
  }

  @ExceptionHandler(MultipartException.class)
  ModelAndView noFile() {
    return new ModelAndView("redirect:/orders/import");
  }

  private static @Nullable CustomerKind kind(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return CustomerKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
