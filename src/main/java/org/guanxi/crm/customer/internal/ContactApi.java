package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedResponses;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/contacts")
@Tag(name = "Contacts", description = "The people to talk to at a customer")
class ContactApi {

  record ContactList(List<Contact.View> items) {}

  private final ContactService contacts;

  ContactApi(ContactService contacts) {
    this.contacts = contacts;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "The contacts of a customer, the primary one first")
  ContactList list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID customerId) {
    return new ContactList(contacts.of(user, customerId).stream().map(Contact::masked).toList());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(summary = "Add a contact", description = "Honours Idempotency-Key.")
  ResponseEntity<Contact.View> add(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @Valid @RequestBody ContactDraft draft) {
    Contact contact = contacts.add(user, customerId, draft);
    return VersionedResponses.created(
        "/api/v1/customers/" + customerId + "/contacts/" + contact.id(), contact.masked());
  }

  @GetMapping("/{contactId}")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  @Operation(summary = "Read a contact")
  ResponseEntity<Contact.View> get(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @PathVariable UUID contactId) {
    return VersionedResponses.ok(contacts.get(user, customerId, contactId).masked());
  }

  @PutMapping("/{contactId}")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(summary = "Replace a contact")
  ResponseEntity<Contact.View> replace(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @PathVariable UUID contactId,
      IfMatch ifMatch,
      @Valid @RequestBody ContactDraft draft) {
    return VersionedResponses.ok(
        contacts.update(user, customerId, contactId, ifMatch.version(), draft).masked());
  }

  @DeleteMapping("/{contactId}")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  @Operation(summary = "Remove a contact")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID customerId,
      @PathVariable UUID contactId) {
    contacts.remove(user, customerId, contactId);
    return ResponseEntity.noContent().build();
  }
}
