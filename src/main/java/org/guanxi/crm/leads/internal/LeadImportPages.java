package org.guanxi.crm.leads.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.imports.ImportPageSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The lead import pages: the upload form (the file, what to do with duplicates, the owner, and the
 * column names where they differ from the recognised ones) and the outcome of an import.
 */
@Controller
class LeadImportPages extends ImportPageSupport<LeadImportService> {

  /** A reported row as the outcome page lists it, its problems in the reader's language. */
  record ReportedRow(
      int row,
      LeadImport.Outcome outcome,
      String columns,
      String problems,
      @Nullable UUID leadId,
      @Nullable UUID duplicateOfLead) {}

  private final LeadImportReport report;
  private final LeadService leads;

  LeadImportPages(LeadImportService imports, LeadImportReport report, LeadService leads) {
    super(imports, report::download, "leads/lead-import-not-found");
    this.report = report;
    this.leads = leads;
  }

  @GetMapping("/leads/import")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  String form(@AuthenticationPrincipal CurrentUser user, Model model) {
    return form(user, model, List.of());
  }

  /**
   * Runs the import; the form's {@code column.<field>} inputs name the file's column for a field
   * where its header is not recognised.
   */
  @PostMapping("/leads/import")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  String upload(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "SKIP") LeadImport.Duplicates duplicates,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam Map<String, String> parameters,
      Model model)
      throws IOException {
    model.addAttribute("duplicates", duplicates);
    model.addAttribute("ownerId", ownerId);
    model.addAttribute("columns", columns(parameters));
    if (file == null || file.isEmpty()) {
      return form(
          user,
          model,
          List.of(new InvalidInput.FieldError("file", "file-required", "Choose a file")));
    }
    try {
      Map<String, @Nullable String> choices = new LinkedHashMap<>();
      columns(parameters).forEach((field, header) -> choices.put(header, field));
      LeadImport done =
          imports.run(
              user, file.getOriginalFilename(), file.getBytes(), choices, duplicates, ownerId);
      return "redirect:/leads/imports/" + done.id();
    } catch (InvalidInput e) {
      return form(user, model, e.errors());
    }
  }

  @GetMapping("/leads/imports/{id}")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  String show(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      Locale locale,
      Model model) {
    model.addAttribute("job", imports.get(user, id));
    model.addAttribute(
        "rows",
        imports.reportedRows(user, id).stream()
            .map(
                r ->
                    new ReportedRow(
                        r.number(),
                        r.outcome(),
                        r.problems().stream()
                            .map(LeadImport.Problem::column)
                            .filter(c -> c != null)
                            .distinct()
                            .collect(Collectors.joining("; ")),
                        r.problems().stream()
                            .map(p -> report.problem(p, r, locale))
                            .collect(Collectors.joining("; ")),
                        r.leadId(),
                        r.duplicateOfLead()))
            .toList());
    return "leads/lead-import-result";
  }

  @GetMapping("/leads/imports/{id}/errors.csv")
  @PreAuthorize("hasAuthority('LEAD_IMPORT')")
  void errors(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      HttpServletResponse response)
      throws IOException {
    download(user, id, response);
  }

  private String form(CurrentUser user, Model model, List<InvalidInput.FieldError> problems) {
    model.addAttribute("problems", problems);
    model.addAttribute("fields", LeadImportField.values());
    model.addAttribute("owners", leads.assignableOwners(user));
    model.addAttribute("maxRows", LeadImport.MAX_ROWS);
    model.addAttribute("duplicateChoices", LeadImport.Duplicates.values());
    if (!model.containsAttribute("duplicates")) {
      model.addAttribute("duplicates", LeadImport.Duplicates.SKIP);
    }
    if (!model.containsAttribute("columns")) {
      model.addAttribute("columns", Map.of());
    }
    return "leads/lead-import";
  }

  /** {@code field key → header} from the form's {@code column.<field>} inputs that were filled. */
  private static Map<String, String> columns(Map<String, String> parameters) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (LeadImportField field : LeadImportField.values()) {
      String header = parameters.get("column." + field.key());
      if (header != null && !header.isBlank()) {
        columns.put(field.key(), header.strip());
      }
    }
    return columns;
  }
}
