package org.guanxi.crm.platform.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/workspace-settings")
@Tag(name = "Workspace", description = "The settings of your workspace")
class WorkspaceSettingsApi {

  /** What an administrator changes: the time zone. */
  record Change(@Nullable String timeZone) {}

  private final WorkspaceSettingsStore settings;
  private final WorkspaceSettingsCache zones;

  WorkspaceSettingsApi(WorkspaceSettingsStore settings, WorkspaceSettingsCache zones) {
    this.settings = settings;
    this.zones = zones;
  }

  @GetMapping
  @PreAuthorize("isAuthenticated()")
  @Operation(
      summary = "The workspace's settings",
      description =
          "timeZone: the IANA time zone business dates are kept in (an order's date, the day a deal"
              + " closed, the forecast's months) and pages show times in.")
  ResponseEntity<WorkspaceSettings> get() {
    return VersionedResponses.ok(settings.current());
  }

  @PutMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Change the workspace's settings",
      description =
          "timeZone is an IANA zone id such as Asia/Shanghai or Europe/London (422 otherwise).")
  ResponseEntity<WorkspaceSettings> put(@RequestBody @Nullable Change change, IfMatch ifMatch) {
    ZoneId zone = WorkspaceSettings.zoneOf(change == null ? null : change.timeZone());
    return VersionedResponses.ok(zones.changeZone(zone, ifMatch.version()));
  }
}
