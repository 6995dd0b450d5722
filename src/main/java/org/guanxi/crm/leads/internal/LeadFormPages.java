package org.guanxi.crm.leads.internal;

import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.StaleVersion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The settings page of the public lead form. */
@Controller
@RequestMapping("/settings/lead-form")
class LeadFormPages {

  private final LeadFormService forms;

  LeadFormPages(LeadFormService forms) {
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String show(Model model) {
    LeadFormSettings settings = forms.settings();
    model.addAttribute(
        "draft",
        new LeadFormDraft(
            settings.enabled(),
            settings.fields(),
            settings.thankYou(),
            settings.defaultOwnerId(),
            settings.defaultTeamId(),
            false));
    return page(model, settings);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String save(
      @RequestParam long version,
      @ModelAttribute("draft") LeadFormDraft draft,
      BindingResult binding,
      Model model) {
    // the page always shows the settings as they are now, with their version
    return DraftForm.of(binding, model, "error.")
        .update(
            version,
            () -> {
              forms.update(version, draft);
              return "redirect:/settings/lead-form?saved";
            },
            v -> page(model, forms.settings()),
            StaleVersion::currentVersion);
  }

  private String page(Model model, LeadFormSettings settings) {
    model.addAttribute("settings", settings);
    model.addAttribute("allFields", LeadFormField.values());
    model.addAttribute("owners", forms.owners());
    model.addAttribute("teams", forms.teams());
    return "leads/lead-form-settings";
  }
}
