package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.UserSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/shares")
@Tag(name = "Customer shares", description = "Colleagues a customer is shared with")
class CustomerShareApi {

  record ShareRequest(@NotNull UUID userId) {}

  record ShareList(List<UserSummary> items) {}

  private final CustomerShares shares;

  CustomerShareApi(CustomerShares shares) {
    this.shares = shares;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "The colleagues a customer is shared with")
  ShareList list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID customerId) {
    return new ShareList(shares.of(user, customerId));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(
      summary = "Share a customer with a colleague",
      description = "Sharing twice is harmless.")
  ShareList share(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @Valid @RequestBody ShareRequest request) {
    shares.share(user, customerId, request.userId());
    return new ShareList(shares.of(user, customerId));
  }

  @DeleteMapping("/{userId}")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(summary = "Take a share back")
  ResponseEntity<Void> unshare(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @PathVariable UUID userId) {
    shares.unshare(user, customerId, userId);
    return ResponseEntity.noContent().build();
  }
}
