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

/**
 * Administrators set when customers return to the pool by themselves and how many customers one may
 * own to claim another.
 */
@Controller
@RequestMapping("/admin/pool")
class PoolSettingsPages {

  private static final SettingsPage PAGE = new SettingsPage("customer/pool-settings");

  private final PoolSettingsStore settings;
  private final InputValidation validation;

  PoolSettingsPages(PoolSettingsStore settings, InputValidation validation) {
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
      @RequestParam(required = false) @Nullable Integer returnAfterDays,
      @RequestParam(required = false) @Nullable Integer claimLimit,
      @RequestParam(defaultValue = "false") boolean keyAccountsExempt,
      @RequestParam long version,
      Model model) {
    PoolSettings typed =
        new PoolSettings(
            returnAfterDays, claimLimit == null ? 0 : claimLimit, keyAccountsExempt, version);
    return PAGE.save(
        model,
        typed,
        () -> PoolSettings.validated(validation, typed),
        () -> version == settings.current().versionOrZero() && settings.save(typed, version),
        // the input stays, with the version the user has now been warned about: saving again
        // applies it
        () ->
            new PoolSettings(
                typed.returnAfterDays(),
                typed.claimLimit(),
                typed.keyAccountsExempt(),
                settings.current().versionOrZero()),
        settings::current);
  }
}
