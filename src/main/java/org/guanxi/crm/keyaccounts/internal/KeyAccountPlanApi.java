package org.guanxi.crm.keyaccounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.PageCursors;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/key-account-plans")
@Tag(
    name = "Key-account plans",
    description =
        "A plan per key customer and year: goals, stakeholders, account team and agreed next steps")
class KeyAccountPlanApi {

  static final int MAX_LIMIT = 200;

  record PlanList(List<KeyAccountPlanResource.Summary> items, @Nullable String nextCursor) {}

  private final KeyAccountPlanService plans;

  KeyAccountPlanApi(KeyAccountPlanService plans) {
    this.plans = plans;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  @Operation(
      summary = "Start a key customer's plan for a year",
      description =
          "customerId (a customer classified KEY_ACCOUNT that you own, or see as a manager), year (default: this "
              + "year), and optionally goals, stakeholders, team and steps as in PUT. One plan per customer and year: "
              + "a second is 409 key-account-plan-exists with its planId. Honours Idempotency-Key.")
  ResponseEntity<KeyAccountPlanResource> create(
      @AuthenticationPrincipal CurrentUser user, @RequestBody KeyAccountPlanDraft draft) {
    KeyAccountPlanService.View created = plans.create(user, draft);
    return VersionedResponses.created(
        "/api/v1/key-account-plans/" + created.plan().id(),
        KeyAccountPlanResource.of(created, plans.today()));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  @Operation(
      summary = "List the plans of the key customers you see",
      description =
          "Soonest next review first (plans without open steps last), with open and overdue steps; filter by "
              + "customerId and year; paged by cursor.")
  PlanList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    PageCursors.checkLimit(limit, MAX_LIMIT);
    KeyAccountPlanService.Page page = plans.list(user, customerId, year, cursor, limit);
    return new PlanList(
        page.items().stream().map(KeyAccountPlanResource.Summary::of).toList(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  @Operation(
      summary = "Read a plan",
      description = "With ETag; editable says whether you may change it.")
  ResponseEntity<KeyAccountPlanResource> get(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(KeyAccountPlanResource.of(plans.get(user, id), plans.today()));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  @Operation(
      summary = "Replace a plan as a whole",
      description =
          "If-Match with the ETag you read is required (428 without it, 412 when stale). goals [{id?, description, "
              + "targetAmount?, currency?, status?}], stakeholders [{id?, name, title?, buyingRole, attitude, "
              + "contactId?}], team [{userId, role}], steps [{id?, description, ownerId, reviewDate, done}]: parts "
              + "with an id are kept as that part, parts without one are new, parts left out are removed. Only the "
              + "customer's owner, managers and the account team may change a plan (403 otherwise). Newly agreed "
              + "and newly done steps appear on the customer's timeline.")
  ResponseEntity<KeyAccountPlanResource> replace(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody KeyAccountPlanDraft draft) {
    KeyAccountPlanService.View view = plans.replace(user, id, ifMatch.version(), draft);
    return VersionedResponses.ok(KeyAccountPlanResource.of(view, plans.today()));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  @Operation(summary = "Delete a plan")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    plans.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
