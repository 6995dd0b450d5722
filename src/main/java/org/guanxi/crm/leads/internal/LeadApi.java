package org.guanxi.crm.leads.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.PageCursors;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.guanxi.crm.privacy.PrivacyPermissions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads", description = "People and companies that may become customers")
class LeadApi {

  record LeadList(List<LeadResource> items, @Nullable String nextCursor) {}

  record Disqualification(@Nullable String reason) {}

  record Conversion(
      UUID customerId, boolean customerCreated, @Nullable UUID opportunityId, LeadResource lead) {}

  private final LeadService leads;
  private final LeadConversion conversion;

  LeadApi(LeadService leads, LeadConversion conversion) {
    this.leads = leads;
    this.conversion = conversion;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(
      summary = "Create a lead",
      description =
          "A name, a company or both. Honours Idempotency-Key; the owner defaults to you.")
  ResponseEntity<LeadResource> create(
      @AuthenticationPrincipal CurrentUser user, @RequestBody LeadDraft draft) {
    Lead created = leads.create(user, draft);
    return VersionedResponses.created(
        "/api/v1/leads/" + created.id(), LeadResource.of(created, false));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('LEAD_READ')")
  @Operation(
      summary = "List and search leads",
      description =
          "q matches any part of the name or company (simplified or traditional characters, pinyin in full or by initials: zhangwei, zw), an exact e-mail or phone, or a phone's last four digits. Newest first, paged by cursor.")
  LeadList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LeadStatus status,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @Nullable String source,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    PageCursors.checkLimit(limit, LeadQuery.MAX_LIMIT);
    LeadPage page = leads.list(user, new LeadQuery(q, status, ownerId, source, cursor, limit));
    return new LeadList(
        page.items().stream().map(l -> LeadResource.of(l, false)).toList(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('LEAD_READ')")
  @Operation(
      summary = "Read a lead",
      description =
          "reveal=true shows phone and e-mail in full; needs PERSONAL_DATA_REVEAL, audited.")
  ResponseEntity<LeadResource> get(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean reveal) {
    PrivacyPermissions.checkReveal(user, reveal);
    Lead lead = reveal ? leads.reveal(user, id) : leads.get(user, id);
    return VersionedResponses.ok(LeadResource.of(lead, reveal));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(
      summary = "Change a lead",
      description = "A JSON merge patch. status moves between NEW and WORKING only.")
  ResponseEntity<LeadResource> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return ok(
        patch.apply(
            user,
            id,
            (u, i) -> leads.editable(u, i, patch.expected()),
            Lead::draft,
            leads::update));
  }

  @PostMapping("/{id}/qualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(summary = "Qualify a lead")
  ResponseEntity<LeadResource> qualify(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    return ok(leads.qualify(user, id, ifMatch.version()));
  }

  @PostMapping("/{id}/disqualify")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(summary = "Disqualify a lead", description = "{\"reason\": \"...\"} is required.")
  ResponseEntity<LeadResource> disqualify(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody(required = false) @Nullable Disqualification body) {
    return ok(leads.disqualify(user, id, ifMatch.version(), body == null ? null : body.reason()));
  }

  @PostMapping("/{id}/convert")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(
      summary = "Convert a qualified lead into a customer and a contact",
      description =
          "Without a body, a new customer is created only when no existing one looks the same; otherwise 409 possible-duplicates lists the candidates and nothing changes. {\"customerId\": ...} adds the lead's person as a contact of that customer; {\"createNew\": true} creates a new customer anyway. {\"opportunity\": {\"name\", \"amount\", \"currency\", \"expectedCloseDate\", \"pipelineId\"}} also opens a deal for the customer (needs OPPORTUNITY_WRITE). A converted lead is 409 lead-already-converted.")
  ResponseEntity<Conversion> convert(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody(required = false) @Nullable LeadConversionRequest request) {
    LeadConversion.Outcome outcome =
        conversion.convert(
            user,
            id,
            ifMatch.version(),
            request == null ? LeadConversionRequest.CHECK_DUPLICATES : request);
    return VersionedResponses.ok(
        new Conversion(
            outcome.customerId(),
            outcome.customerCreated(),
            outcome.opportunityId(),
            LeadResource.of(outcome.lead(), false)),
        outcome.lead().version());
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('LEAD_WRITE')")
  @Operation(summary = "Delete a lead", description = "A converted lead stays.")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    leads.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<LeadResource> ok(Lead lead) {
    return VersionedResponses.ok(LeadResource.of(lead, false));
  }
}
