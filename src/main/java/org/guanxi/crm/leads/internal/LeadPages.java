package org.guanxi.crm.leads.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The lead pages: the list with its search box, the form, and a lead's page with its actions. */
@Controller
@RequestMapping("/leads")
class LeadPages {

  private static final int PAGE_SIZE = 50;

  private final LeadService leads;
  private final LeadConversion conversion;

  LeadPages(LeadService leads, LeadConversion conversion) {
    this.leads = leads;
    this.conversion = conversion;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("statuses", LeadStatus.values());
    model.addAttribute("openStatuses", new LeadStatus[] {LeadStatus.NEW, LeadStatus.WORKING});
  }

  @GetMapping
  @PreAuthorize("hasAuthority('LEAD_READ')")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LeadStatus status,
      Model model) {
    showPage(user, model, q, status, null);
    return "leads/leads";
  }

  /** The rows of a list page: the search box, the filter and the "more" button fetch these. */
  @GetMapping("/rows")
  @PreAuthorize("hasAuthority('LEAD_READ')")
  String rows(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LeadStatus status,
      @RequestParam(required = false) @Nullable String cursor,
      Model model) {
    showPage(user, model, q, status, cursor);
    return "leads/leads :: rows";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String newLead(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("draft", LeadDraft.empty(user.id()));
    return form(user, model, null, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @ModelAttribute("draft") LeadDraft draft,
      BindingResult binding,
      Model model) {
    return DraftForm.of(binding, model, "error.")
        .create(
            () -> "redirect:/leads/" + leads.create(user, draft).id(),
            () -> form(user, model, null, null));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('LEAD_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    model.addAttribute("lead", LeadResource.of(leads.get(user, id), false));
    return "leads/lead";
  }

  @GetMapping("/{id}/personal-data")
  @PreAuthorize("hasAuthority('PERSONAL_DATA_REVEAL')")
  String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    model.addAttribute("lead", LeadResource.of(leads.reveal(user, id), true));
    return "leads/lead :: personal";
  }

  @GetMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Lead lead = leads.editable(user, id, null);
    model.addAttribute("draft", lead.draft());
    return form(user, model, id, lead.version());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String update(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @ModelAttribute("draft") LeadDraft draft,
      BindingResult binding,
      Model model) {
    return DraftForm.of(binding, model, "error.")
        .update(
            version,
            () -> {
              leads.update(user, id, version, draft);
              return "redirect:/leads/" + id;
            },
            v -> form(user, model, id, v),
            e -> leads.get(user, id).version());
  }

  /**
   * Qualifies from the lead page; htmx gets the refreshed status section, a plain form a redirect.
   */
  @PostMapping("/{id}/qualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String qualify(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    try {
      leads.qualify(user, id, version);
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
    }
    return statusSection(user, id, htmx, model);
  }

  @PostMapping("/{id}/disqualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String disqualify(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable String reason,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    try {
      leads.disqualify(user, id, version, reason);
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
    } catch (InvalidInput e) {
      model.addAttribute("reasonMissing", true);
      model.addAttribute("lead", LeadResource.of(leads.get(user, id), false));
      return htmx == null ? "leads/lead" : "leads/lead :: status";
    }
    return statusSection(user, id, htmx, model);
  }

  /** The customers the lead may already be, to choose one or create a new customer. */
  @GetMapping("/{id}/convert")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String conversion(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Lead lead = leads.get(user, id);
    model.addAttribute("lead", LeadResource.of(lead, false));
    model.addAttribute(
        "candidates",
        lead.status() == LeadStatus.QUALIFIED ? conversion.candidates(user, id) : List.of());
    return "leads/lead-convert";
  }

  /**
   * Converts as the user chose: {@code target} is {@code new} or the id of an existing customer;
   * without it, a new customer unless duplicates turn up, which the page then shows.
   */
  @PostMapping("/{id}/convert")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String convert(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    try {
      LeadConversionRequest request =
          target == null || target.isBlank()
              ? LeadConversionRequest.CHECK_DUPLICATES
              : "new".equals(target)
                  ? new LeadConversionRequest(null, true)
                  : new LeadConversionRequest(customerId(target), null);
      request = request.withOpportunity(LeadConversionRequest.fromForm(form));
      return "redirect:/customers/" + conversion.convert(user, id, version, request).customerId();
    } catch (LeadMatchesExistingCustomers e) {
      model.addAttribute("candidates", e.candidates());
    } catch (LeadNotQualified | InvalidInput e) {
      model.addAttribute("refused", true);
      model.addAttribute("candidates", List.of());
    }
    model.addAttribute("lead", LeadResource.of(leads.get(user, id), false));
    return "leads/lead-convert";
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String delete(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version) {
    leads.delete(user, id, version);
    return "redirect:/leads";
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "leads/lead-not-found";
  }

  @ExceptionHandler({StaleVersion.class, LeadAlreadyConverted.class})
  @ResponseStatus(HttpStatus.CONFLICT)
  String conflict() {
    return "leads/lead-conflict";
  }

  private String statusSection(CurrentUser user, UUID id, @Nullable String htmx, Model model) {
    if (htmx == null) {
      return "redirect:/leads/" + id;
    }
    model.addAttribute("lead", LeadResource.of(leads.get(user, id), false));
    return "leads/lead :: status";
  }

  private void showPage(
      CurrentUser user,
      Model model,
      @Nullable String q,
      @Nullable LeadStatus status,
      @Nullable String cursor) {
    model.addAttribute("q", q);
    model.addAttribute("status", status);
    LeadPage page = leads.list(user, new LeadQuery(q, status, null, null, cursor, PAGE_SIZE));
    model.addAttribute("rows", page.items().stream().map(l -> LeadResource.of(l, false)).toList());
    model.addAttribute("nextCursor", page.nextCursor());
  }

  private String form(CurrentUser user, Model model, @Nullable UUID id, @Nullable Long version) {
    model.addAttribute("leadId", id);
    model.addAttribute("version", version);
    model.addAttribute("owners", leads.assignableOwners(user));
    return "leads/lead-form";
  }

  private static UUID customerId(String target) {
    try {
      return UUID.fromString(target);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("target", "unknown-customer", "Not a customer");
    }
  }
}
