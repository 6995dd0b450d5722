package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customer-pool-settings")
@Tag(name = "Customer pool")
class PoolSettingsApi {

  private final PoolSettingsStore settings;
  private final InputValidation validation;

  PoolSettingsApi(PoolSettingsStore settings, InputValidation validation) {
    this.settings = settings;
    this.validation = validation;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(
      summary = "The pool rules",
      description =
          "returnAfterDays: days without follow-up before a customer returns to the pool (null:"
              + " never); claimLimit: the most customers one may own to claim another;"
              + " keyAccountsExempt: key accounts never return by themselves.")
  ResponseEntity<PoolSettings> get() {
    PoolSettings current = settings.current();
    return VersionedResponses.ok(current, current.versionOrZero());
  }

  @PutMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Set the pool rules")
  @Transactional
  ResponseEntity<PoolSettings> put(@RequestBody @Nullable PoolSettings change, IfMatch ifMatch) {
    PoolSettings valid = PoolSettings.validated(validation, change);
    return settings.replace(
        "customer-pool-settings",
        ifMatch.version(),
        PoolSettings::versionOrZero,
        version -> settings.save(valid, version));
  }
}
