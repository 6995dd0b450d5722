package org.guanxi.crm.interaction.internal;

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
@RequestMapping("/api/v1/interaction-settings")
@Tag(name = "Interactions")
class InteractionSettingsApi {

  private final InteractionSettingsStore settings;
  private final InputValidation validation;

  InteractionSettingsApi(InteractionSettingsStore settings, InputValidation validation) {
    this.settings = settings;
    this.validation = validation;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  @Operation(
      summary = "How long authors may change their interactions",
      description =
          "editWindowMinutes after recording one, its author may still change or delete it (0: never).")
  ResponseEntity<InteractionSettings> get() {
    InteractionSettings current = settings.current();
    return VersionedResponses.ok(current, current.versionOrZero());
  }

  @PutMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Set the edit window")
  @Transactional
  ResponseEntity<InteractionSettings> put(
      @RequestBody @Nullable InteractionSettings change, IfMatch ifMatch) {
    InteractionSettings valid = InteractionSettings.validated(validation, change);
    return settings.replace(
        "interaction-settings",
        ifMatch.version(),
        InteractionSettings::versionOrZero,
        version -> settings.save(valid, version));
  }
}
