package org.guanxi.crm.opportunities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
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
@RequestMapping("/api/v1/sales-targets")
@Tag(name = "Sales targets", description = "What each rep is to win in a month (销售目标)")
class SalesTargetApi {

  record TargetList(List<SalesTarget> items) {}

  private final SalesTargetService targets;

  SalesTargetApi(SalesTargetService targets) {
    this.targets = targets;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('SALES_TARGET_WRITE')")
  @Operation(
      summary = "Set a rep's target for a month",
      description =
          "userId (a rep you may give records to), month (2026-12), amount, currency (default: the base"
              + " currency). One per rep and month: a second is 409 sales-target-exists with its targetId.")
  ResponseEntity<SalesTarget> set(
      @AuthenticationPrincipal CurrentUser user, @RequestBody SalesTargetDraft draft) {
    SalesTarget target = targets.set(user, draft);
    return VersionedResponses.created("/api/v1/sales-targets/" + target.id(), target);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(
      summary = "The targets of a month",
      description =
          "Of the reps whose deals you see (yours; a manager's team's); month defaults to this one.")
  TargetList ofMonth(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable YearMonth month,
      @RequestParam(required = false) @Nullable UUID userId) {
    return new TargetList(targets.ofMonth(user, month, userId));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(summary = "Read a target")
  ResponseEntity<SalesTarget> get(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(targets.get(user, id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('SALES_TARGET_WRITE')")
  @Operation(summary = "Change a target's amount", description = "The rep and the month stay.")
  ResponseEntity<SalesTarget> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.apply(user, id, targets::get, SalesTarget::draft, targets::update));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('SALES_TARGET_WRITE')")
  @Operation(summary = "Delete a target")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    targets.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
