package org.guanxi.crm.leads.internal;

import java.util.UUID;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The settings page of the assignment rules: the list in order, add and delete. */
@Controller
@RequestMapping("/settings/lead-assignment")
class LeadAssignmentPages {

  private final LeadAssignmentRules rules;
  private final LeadFormService forms;

  LeadAssignmentPages(LeadAssignmentRules rules, LeadFormService forms) {
    this.rules = rules;
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String list(Model model) {
    model.addAttribute("draft", new LeadAssignmentRuleDraft(null, null, null, null, null));
    return page(model);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String add(
      @ModelAttribute("draft") LeadAssignmentRuleDraft draft, BindingResult binding, Model model) {
    return DraftForm.of(binding, model, "error.")
        .create(
            () -> {
              rules.create(draft);
              return "redirect:/settings/lead-assignment";
            },
            () -> page(model));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  String delete(@PathVariable UUID id, @RequestParam long version) {
    try {
      rules.delete(id, version);
    } catch (RecordNotFound | StaleVersion e) {
      // deleted or changed meanwhile: the list shows how it is now
    }
    return "redirect:/settings/lead-assignment";
  }

  private String page(Model model) {
    model.addAttribute("rules", rules.all());
    model.addAttribute("owners", forms.owners());
    model.addAttribute("teams", forms.teams());
    return "leads/lead-assignment";
  }
}
