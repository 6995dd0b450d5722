package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "Customer pool",
    description =
        "Customers without an owner (公海): those not followed up in time, released or reclaimed;"
            + " claimed by reps, assigned by managers")
class PoolApi {

  record PoolList(List<PoolCustomer> items, @Nullable String nextCursor) {}

  record Assignment(@Nullable UUID ownerId) {}

  record Release(@Nullable String reason) {}

  private final CustomerPool pool;

  PoolApi(CustomerPool pool) {
    this.pool = pool;
  }

  @GetMapping("/api/v1/customer-pool")
  @PreAuthorize("hasAnyAuthority('CUSTOMER_POOL_CLAIM', 'CUSTOMER_POOL_MANAGE')")
  @Operation(
      summary = "List the pools you see",
      description =
          "The general pool and your teams' pools (all pools for administrators), newest first;"
              + " no personal data. Pages by cursor.")
  PoolList list(
      @AuthenticationPrincipal CurrentUser user,
      @Parameter(description = "only the pool of this team") @RequestParam(required = false)
          @Nullable UUID teamId,
      @Parameter(description = "only the workspace's general pool")
          @RequestParam(defaultValue = "false")
          boolean general,
      @RequestParam(required = false) @Nullable PoolReason reason,
      @Parameter(description = "a part of the name, its pinyin or initials")
          @RequestParam(required = false)
          @Nullable String q,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    PageCursors.checkLimit(limit, PoolQuery.MAX_LIMIT);
    PoolPage page = pool.list(user, new PoolQuery(teamId, general, reason, q, cursor, limit));
    return new PoolList(page.items(), page.nextCursor());
  }

  @PostMapping("/api/v1/customer-pool/{id}/claim")
  @PreAuthorize("hasAuthority('CUSTOMER_POOL_CLAIM')")
  @Operation(
      summary = "Claim a customer from the pool",
      description =
          "The customer becomes yours. 409 claim-limit when you own as many customers as the"
              + " claim limit, 409 already-claimed when someone else was quicker.")
  ResponseEntity<CustomerResource> claim(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(CustomerResource.of(pool.claim(user, id), false));
  }

  @PostMapping("/api/v1/customer-pool/{id}/assign")
  @PreAuthorize("hasAuthority('CUSTOMER_POOL_MANAGE')")
  @Operation(
      summary = "Give a customer of the pool to someone",
      description =
          "{\"ownerId\"}: a member of the teams you manage (anyone, for administrators). The claim"
              + " limit does not apply.")
  ResponseEntity<CustomerResource> assign(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestBody Assignment assignment) {
    return VersionedResponses.ok(
        CustomerResource.of(pool.assign(user, id, assignment.ownerId()), false));
  }

  @PostMapping("/api/v1/customers/{id}/release")
  @PreAuthorize("hasAnyAuthority('CUSTOMER_POOL_CLAIM', 'CUSTOMER_POOL_MANAGE')")
  @Operation(
      summary = "Put a customer back into the pool",
      description =
          "{\"reason\"}: why. The owner releases the customer; the owner's manager or an"
              + " administrator reclaims it. It goes to the pool of the owner's team. Send If-Match"
              + " with the customer's ETag: a stale one gets 412.")
  PoolCustomer release(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody Release release) {
    return pool.release(user, id, ifMatch.version(), release.reason());
  }
}
