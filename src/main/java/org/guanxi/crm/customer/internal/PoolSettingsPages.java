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

/**
 * Administrators set when customers return to the pool by themselves and how many customers one may
 * own to claim another.
 */
@Controller
@RequestMapping("/admin/pool")
class PoolSettingsPages {

  private final PoolSettingsStore settings;
  private final InputValidation validation;

  PoolSettingsPages(PoolSettingsStore settings, InputValidation validation) {
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
      @RequestParam(required = false) @Nullable Integer returnAfterDays,
      @RequestParam(required = false) @Nullable Integer claimLimit,
      @RequestParam(defaultValue = "false") boolean keyAccountsExempt,
      @RequestParam long version,
      Model model) {
    PoolSettings typed =
        new PoolSettings(
            returnAfterDays, claimLimit == null ? 0 : claimLimit, keyAccountsExempt, version);
    try {
      PoolSettings.validated(validation, typed);
    } catch (InvalidInput e) {
      return page(model, typed, e.errors(), false, false);
    }
    if (version != settings.current().versionOrZero() || !settings.save(typed, version)) {
      // the input stays, with the version the user has now been warned about: saving again applies
      // it
      PoolSettings kept =
          new PoolSettings(
              typed.returnAfterDays(),
              typed.claimLimit(),
              typed.keyAccountsExempt(),
              settings.current().versionOrZero());
      return page(model, kept, List.of(), true, false);
    }
    return page(model, settings.current(), List.of(), false, true);
  }

  private static String page(
      Model model,
      PoolSettings shown,
      List<InvalidInput.FieldError> errors,
      boolean conflict,
      boolean saved) {
    model.addAttribute("settings", shown);
    model.addAttribute("errors", errors);
    model.addAttribute("conflict", conflict);
    model.addAttribute("saved", saved);
    return "customer/pool-settings";
  }
}
