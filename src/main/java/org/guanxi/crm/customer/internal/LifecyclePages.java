package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.InputValidation;
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

  private static final SettingsPage PAGE = new SettingsPage("customer/lifecycle-settings");

  private final LifecycleSettingsStore settings;
  private final InputValidation validation;

  LifecyclePages(LifecycleSettingsStore settings, InputValidation validation) {
    this.settings = settings;
    this.validation = validation;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String show(Model model) {
    return PAGE.show(model, settings.current());
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
    return PAGE.save(
        model,
        typed,
        () -> LifecycleSettings.validated(validation, typed),
        () -> settings.save(typed, version),
        () -> typed,
        settings::current);
  }
}
