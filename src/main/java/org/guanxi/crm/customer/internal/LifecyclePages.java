package org.guanxi.crm.customer.internal;

import java.util.List;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators set how long customers may go without a purchase before at risk and lost. */
@Controller
@RequestMapping("/admin/lifecycle")
class LifecyclePages {

  private final LifecycleSettingsStore settings;
  private final InputValidation validation;

  LifecyclePages(LifecycleSettingsStore settings, InputValidation validation) {
    this.settings = settings;
    this.validation = validation;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String show(Model model) {
    return page(model, settings.current(), List.of(), false, false);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String save(
      @RequestParam(required = false) @Nullable Integer atRiskAfterDays,
      @RequestParam(required = false) @Nullable Integer lostAfterDays,
      @RequestParam long version,
      Model model) {
    LifecycleSettings typed =
        new LifecycleSettings(
            atRiskAfterDays == null ? 0 : atRiskAfterDays,
            lostAfterDays == null ? 0 : lostAfterDays,
            version);
    try {
      LifecycleSettings.validated(validation, typed);
    } catch (InvalidInput e) {
      return page(model, typed, e.errors(), false, false);
    }
    if (!settings.save(typed, version)) {
      return page(model, typed, List.of(), true, false);
    }
    return page(model, settings.current(), List.of(), false, true);
  }

  private static String page(
      Model model,
      LifecycleSettings shown,
      List<InvalidInput.FieldError> errors,
      boolean conflict,
      boolean saved) {
    model.addAttribute("settings", shown);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("saved", saved);
    return "customer/lifecycle-settings";
  }
}
