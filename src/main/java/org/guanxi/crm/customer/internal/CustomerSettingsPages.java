package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.InputValidation;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer module's settings pages of administrators: how long customers may go without a
 * purchase before at risk and lost, and when customers return to the pool by themselves and how
 * many customers one may own to claim another.
 */
@Controller
class CustomerSettingsPages {

  private static final SettingsPage LIFECYCLE = new SettingsPage("customer/lifecycle-settings");
  private static final SettingsPage POOL = new SettingsPage("customer/pool-settings");

  private final LifecycleSettingsStore lifecycle;
  private final PoolSettingsStore pool;
  private final InputValidation validation;

  CustomerSettingsPages(
      LifecycleSettingsStore lifecycle, PoolSettingsStore pool, InputValidation validation) {
    this.lifecycle = lifecycle;
    this.pool = pool;
    this.validation = validation;
  }

  @GetMapping("/admin/lifecycle")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String lifecycle(Model model) {
    return LIFECYCLE.show(model, lifecycle.current());
  }

  @PostMapping("/admin/lifecycle")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String saveLifecycle(
      @RequestParam(required = false) @Nullable Integer atRiskAfterDays,
      @RequestParam(required = false) @Nullable Integer lostAfterDays,
      @RequestParam long version,
      Model model) {
    LifecycleSettings typed =
        new LifecycleSettings(
            atRiskAfterDays == null ? 0 : atRiskAfterDays,
            lostAfterDays == null ? 0 : lostAfterDays,
            version);
    return LIFECYCLE.save(
        model,
        typed,
        () -> LifecycleSettings.validated(validation, typed),
        () -> lifecycle.save(typed, version),
        () -> typed,
        lifecycle::current);
  }

  @GetMapping("/admin/pool")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String pool(Model model) {
    return POOL.show(model, pool.current());
  }

  @PostMapping("/admin/pool")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String savePool(
      @RequestParam(required = false) @Nullable Integer returnAfterDays,
      @RequestParam(required = false) @Nullable Integer claimLimit,
      @RequestParam(defaultValue = "false") boolean keyAccountsExempt,
      @RequestParam long version,
      Model model) {
    PoolSettings typed =
        new PoolSettings(
            returnAfterDays, claimLimit == null ? 0 : claimLimit, keyAccountsExempt, version);
    return POOL.save(
        model,
        typed,
        () -> PoolSettings.validated(validation, typed),
        () -> version == pool.current().versionOrZero() && pool.save(typed, version),
        // the input stays, with the version the user has now been warned about: saving again
        // applies it
        () ->
            new PoolSettings(
                typed.returnAfterDays(),
                typed.claimLimit(),
                typed.keyAccountsExempt(),
                pool.current().versionOrZero()),
        pool::current);
  }
}
