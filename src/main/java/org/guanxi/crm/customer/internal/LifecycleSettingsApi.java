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
@RequestMapping("/api/v1/customer-lifecycle-settings")
@Tag(name = "Customers")
class LifecycleSettingsApi {

  private final LifecycleSettingsStore settings;
  private final InputValidation validation;

  LifecycleSettingsApi(LifecycleSettingsStore settings, InputValidation validation) {
    this.settings = settings;
    this.validation = validation;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(
      summary = "How long customers may go without a purchase",
      description = "After atRiskAfterDays a customer is at risk, after lostAfterDays lost.")
  ResponseEntity<LifecycleSettings> get() {
    LifecycleSettings current = settings.current();
    return VersionedResponses.ok(current, current.versionOrZero());
  }

  @PutMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Set the lifecycle periods")
  @Transactional
  ResponseEntity<LifecycleSettings> put(
      @RequestBody @Nullable LifecycleSettings change, IfMatch ifMatch) {
    LifecycleSettings valid = LifecycleSettings.validated(validation, change);
    return settings.replace(
        "customer-lifecycle-settings",
        ifMatch.version(),
        LifecycleSettings::versionOrZero,
        version -> settings.save(valid, version));
  }
}
