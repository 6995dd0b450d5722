package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.ETags;
import org.guanxi.crm.platform.VersionedResponses;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class CustomerMergeApi {

  record MergeRequest(@NotNull UUID duplicateId) {}

  private final CustomerMerges merges;

  CustomerMergeApi(CustomerMerges merges) {
    this.merges = merges;
  }

  @PostMapping("/api/v1/customers/{id}/merge")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(
      summary = "Merge a duplicate into this customer",
      description =
          "The duplicate's contacts, shares and timeline move here, this customer's empty fields are filled from it, "
              + "and it goes to the recycle bin. Send If-Match with this customer's ETag: a stale one gets 412. Audited.")
  ResponseEntity<CustomerResource> merge(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestHeader("If-Match") String ifMatch,
      @Valid @RequestBody MergeRequest request) {
    return VersionedResponses.ok(
        CustomerResource.of(
            merges.merge(user, id, ETags.version(ifMatch), request.duplicateId()), false));
  }
}
