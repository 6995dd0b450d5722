package org.guanxi.crm.leads.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
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

  /** The filters of the list: the search box and the status. */
  record Filter(@Nullable String q, @Nullable LeadStatus status) {}

  /**
   * The list, or its rows ({@code /rows}): the search box, the filter and the "more" button fetch
   * these.
   */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('LEAD_READ')")
  String list(ListRows list, Filter filter) {
    LeadPage page =
        leads.list(
            list.user(),
            new LeadQuery(filter.q(), filter.status(), null, null, list.cursor(), PAGE_SIZE));
    return list.show(
        "leads/leads",
        filter,
        page.items().stream().map(l -> LeadResource.of(l, false)).toList(),
        page.nextCursor());
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String newLead(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("draft", LeadDraft.empty(user.id()));
    return form(user, model, null, null);
  }

  /** The home page's section: the new leads waiting for their first contact (htmx). */
  @GetMapping("/home")
  @PreAuthorize("hasAuthority('LEAD_READ')")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "leads",
        leads.list(user, new LeadQuery(null, LeadStatus.NEW, null, null, null, 10)).items());
    return "leads/home :: newLeads";
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
      PageChange change, @ModelAttribute("draft") LeadDraft draft, BindingResult binding) {
    CurrentUser user = change.user();
    UUID id = change.id();
    return DraftForm.of(binding, change.model(), "error.")
        .update(
            change.version(),
            () -> {
              leads.update(user, id, change.version(), draft);
              return "redirect:/leads/" + id;
            },
            v -> form(user, change.model(), id, v),
            e -> leads.get(user, id).version());
  }

  /**
   * Qualifies from the lead page; htmx gets the refreshed status section, a plain form a redirect.
   */
  @PostMapping("/{id}/qualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String qualify(PageChange change) {
    try {
      leads.qualify(change.user(), change.id(), change.version());
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
    }
    return statusSection(change);
  }

  @PostMapping("/{id}/disqualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  String disqualify(PageChange change, @RequestParam(required = false) @Nullable String reason) {
    try {
      leads.disqualify(change.user(), change.id(), change.version(), reason);
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
    } catch (InvalidInput e) {
      change.model().addAttribute("reasonMissing", true);
      showLead(change);
      return change.htmx() ? "leads/lead :: status" : "leads/lead";
    }
    return statusSection(change);
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
      PageChange change,
      @RequestParam(required = false) @Nullable String target,
      @RequestParam MultiValueMap<String, String> form) {
    CurrentUser user = change.user();
    UUID id = change.id();
    Model model = change.model();
    try {
      LeadConversionRequest request =
          target == null || target.isBlank()
              ? LeadConversionRequest.CHECK_DUPLICATES
              : "new".equals(target)
                  ? new LeadConversionRequest(null, true)
                  : new LeadConversionRequest(
                      FormFields.id(target, "target", "unknown-customer", "Not a customer"), null);
      request = request.withOpportunity(LeadConversionRequest.fromForm(form));
      return "redirect:/customers/"
          + conversion.convert(user, id, change.version(), request).customerId();
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
  String delete(PageChange change) {
    leads.delete(change.user(), change.id(), change.version());
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

  private String statusSection(PageChange change) {
    if (!change.htmx()) {
      return "redirect:/leads/" + change.id();
    }
    showLead(change);
    return "leads/lead :: status";
  }

  private void showLead(PageChange change) {
    Lead lead = leads.get(change.user(), change.id());
    change.model().addAttribute("lead", LeadResource.of(lead, false));
  }

  private String form(CurrentUser user, Model model, @Nullable UUID id, @Nullable Long version) {
    model.addAttribute("leadId", id);
    model.addAttribute("version", version);
    model.addAttribute("owners", leads.assignableOwners(user));
    return "leads/lead-form";
  }
}
