package org.guanxi.crm.leads.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.Versioned;
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
@RequestMapping("/api/v1/lead-form")
@Tag(name = "Lead form", description = "The public web-to-lead form of the workspace")
class LeadFormApi {

  /** The settings, with the form's public path and a snippet to embed it in a web page. */
  record LeadFormResource(
      boolean enabled,
      String formKey,
      String path,
      String embedHtml,
      Set<LeadFormField> fields,
      @Nullable String thankYou,
      @Nullable UUID defaultOwnerId,
      @Nullable UUID defaultTeamId,
      long version)
      implements Versioned {

    static LeadFormResource of(LeadFormSettings s) {
      return new LeadFormResource(
          s.enabled(),
          s.formKey(),
          s.path(),
          "<iframe src=\"" + s.path() + "\" style=\"border:0;width:100%;height:32rem\"></iframe>",
          s.fields(),
          s.thankYou(),
          s.defaultOwnerId(),
          s.defaultTeamId(),
          s.version());
    }
  }

  private final LeadFormService forms;

  LeadFormApi(LeadFormService forms) {
    this.forms = forms;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(summary = "Read the lead form's settings")
  ResponseEntity<LeadFormResource> get() {
    return VersionedResponses.ok(LeadFormResource.of(forms.settings()));
  }

  @PutMapping
  @PreAuthorize("hasAuthority('SALES_SETTINGS')")
  @Operation(
      summary = "Set up the lead form",
      description =
          "enabled, fields (COMPANY, TITLE, PHONE, EMAIL, CITY, INDUSTRY, MESSAGE), thankYou, defaultOwnerId or defaultTeamId; newKey=true replaces the public key.")
  ResponseEntity<LeadFormResource> put(IfMatch ifMatch, @RequestBody LeadFormDraft draft) {
    return VersionedResponses.ok(LeadFormResource.of(forms.update(ifMatch.version(), draft)));
  }
}
