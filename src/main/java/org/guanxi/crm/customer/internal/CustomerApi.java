package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.PageCursors;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.guanxi.crm.privacy.PrivacyPermissions;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
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
@RequestMapping("/api/v1/customers")
@Tag(
    name = "Customers",
    description = "The one customer record shared by sales, marketing and service")
class CustomerApi {

  record CustomerList(List<CustomerResource> items, @Nullable String nextCursor) {}

  record TimelineList(List<CustomerTimeline.Entry> items) {}

  record MergeRequest(@NotNull UUID duplicateId) {}

  private final CustomerService customers;
  private final CustomerMerges merges;

  CustomerApi(CustomerService customers, CustomerMerges merges) {
    this.customers = customers;
    this.merges = merges;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(
      summary = "Create a customer",
      description = "Honours Idempotency-Key. The owner defaults to the caller.")
  ResponseEntity<CustomerResource> create(
      @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CustomerDraft draft) {
    Customer created = customers.create(user, draft);
    return VersionedResponses.created(
        "/api/v1/customers/" + created.id(), CustomerResource.of(created, false));
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(
      summary = "List and search customers",
      description =
          "q matches any part of a name, its pinyin or initials, an exact e-mail or phone, or a phone's last four digits. Pages by cursor.")
  CustomerList list(
      @AuthenticationPrincipal CurrentUser user,
      @ParameterObject CustomerFilters filters,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit,
      @Parameter(description = "cf.<key>=value filters by a custom field") @RequestParam
          Map<String, String> parameters) {
    PageCursors.checkLimit(limit, CustomerQuery.MAX_LIMIT);
    CustomerPage page =
        customers.list(user, filters.query(customers.customFieldFilter(parameters), cursor, limit));
    return new CustomerList(
        page.items().stream().map(c -> CustomerResource.of(c, false)).toList(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(
      summary = "Read a customer",
      description =
          "reveal=true shows personal data in full; it needs PERSONAL_DATA_REVEAL and is audited.")
  ResponseEntity<CustomerResource> get(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "false") boolean reveal) {
    PrivacyPermissions.checkReveal(user, reveal);
    Customer customer = reveal ? customers.reveal(user, id) : customers.get(user, id);
    return VersionedResponses.ok(CustomerResource.of(customer, reveal));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(summary = "Change a customer", description = "A JSON merge patch.")
  ResponseEntity<CustomerResource> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    Customer current = customers.get(user, id); // read before If-Match, as it always was
    return ok(
        patch.applyAt(
            CustomerService.KIND, user, id, (u, i) -> current, Customer::draft, customers::update));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  @Operation(
      summary = "Move a customer to the recycle bin",
      description = "Restorable with POST /{id}/restore.")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    customers.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/restore")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  @Operation(summary = "Restore a customer from the recycle bin")
  ResponseEntity<CustomerResource> restore(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return ok(customers.restore(user, id));
  }

  @PostMapping("/{id}/merge")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(
      summary = "Merge a duplicate into this customer",
      description =
          "The duplicate's contacts, shares and timeline move here, this customer's empty fields are filled from it, "
              + "and it goes to the recycle bin. Send If-Match with this customer's ETag: a stale one gets 412. Audited.")
  ResponseEntity<CustomerResource> merge(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @Valid @RequestBody MergeRequest request) {
    return VersionedResponses.ok(
        CustomerResource.of(
            merges.merge(user, id, ifMatch.version(), request.duplicateId()), false));
  }

  /** A customer's key in another system; null or empty takes it away. */
  record ExternalKey(@Nullable String externalKey) {}

  @PutMapping("/{id}/external-key")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(
      summary = "Set a customer's external key",
      description =
          "The customer's key in another system (an ERP's customer number), by which imported orders find it: "
              + "unique among the workspace's customers, at most 200 characters; null or empty takes it away. "
              + "Send If-Match: a stale one gets 412; a key another customer has gets 422 external-key-taken.")
  ResponseEntity<CustomerResource> setExternalKey(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody ExternalKey body) {
    return ok(customers.setExternalKey(user, id, ifMatch.version(), body.externalKey()));
  }

  @GetMapping("/{id}/timeline")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "What happened to a customer, newest first")
  TimelineList timeline(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return new TimelineList(customers.timeline(user, id));
  }

  private static ResponseEntity<CustomerResource> ok(Customer customer) {
    return VersionedResponses.ok(CustomerResource.of(customer, false));
  }
}
