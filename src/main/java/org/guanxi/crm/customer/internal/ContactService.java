package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.NewContact;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of a customer; whoever may see (or change) the customer may see (or change) its
 * contacts.
 */
@Service
class ContactService {

  static final String KIND = "contact";

  private final CustomerService customers;
  private final ContactStore store;
  private final CustomerTimeline timeline;
  private final InputValidation validation;
  private final Clock clock;
  private final FollowUps followUps;

  ContactService(
      CustomerService customers,
      ContactStore store,
      CustomerTimeline timeline,
      InputValidation validation,
      Clock clock,
      FollowUps followUps) {
    this.customers = customers;
    this.store = store;
    this.timeline = timeline;
    this.validation = validation;
    this.clock = clock;
    this.followUps = followUps;
  }

  List<Contact> of(CurrentUser user, UUID customerId) {
    customers.get(user, customerId);
    return store.ofCustomer(customerId);
  }

  Contact get(CurrentUser user, UUID customerId, UUID contactId) {
    customers.get(user, customerId);
    return store.find(contactId, customerId).orElseThrow(() -> new RecordNotFound(KIND, contactId));
  }

  @Transactional
  Contact add(CurrentUser user, UUID customerId, ContactDraft draft) {
    validation.check(draft);
    customers.get(user, customerId);
    UUID id = insert(user, customerId, draft, "");
    return store.find(id, customerId).orElseThrow();
  }

  /**
   * Adds a contact that another module sends to a customer the caller has found, in the caller's
   * transaction; the fields of its errors are named {@code contact.…}.
   */
  void addFor(CurrentUser user, UUID customerId, NewContact contact, boolean primary) {
    ContactDraft draft =
        new ContactDraft(
            contact.name(), contact.title(), contact.phone(), contact.email(), primary);
    validation.check(draft);
    insert(user, customerId, draft, "contact.");
  }

  /** Stores a checked draft as a new contact of the customer and notes it; returns its id. */
  private UUID insert(CurrentUser user, UUID customerId, ContactDraft draft, String fieldPrefix) {
    UUID id = Ids.newId();
    Instant now = clock.instant();
    ContactStore.Content content = ContactStore.Content.of(draft, fieldPrefix);
    store.insert(id, customerId, content, now);
    noted(user, customerId, "CONTACT_ADDED", content.name(), now);
    return id;
  }

  @Transactional
  Contact update(
      CurrentUser user,
      UUID customerId,
      UUID contactId,
      @Nullable Long expectedVersion,
      ContactDraft draft) {
    validation.check(draft);
    Contact current = get(user, customerId, contactId);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    boolean saved =
        store.update(contactId, customerId, version, ContactStore.Content.of(draft, ""));
    StaleVersion.unless(saved, KIND, () -> get(user, customerId, contactId).version());
    Instant now = clock.instant();
    noted(user, customerId, "CONTACT_CHANGED", draft.name().strip(), now);
    return store.find(contactId, customerId).orElseThrow();
  }

  @Transactional
  void remove(CurrentUser user, UUID customerId, UUID contactId) {
    Contact contact = get(user, customerId, contactId);
    store.delete(contactId, customerId);
    noted(user, customerId, "CONTACT_REMOVED", contact.name(), clock.instant());
  }

  /**
   * Puts a change of the customer's contacts on its timeline, naming the contact, and counts it as
   * the user's follow-up of the customer.
   */
  private void noted(CurrentUser user, UUID customerId, String kind, String contact, Instant now) {
    timeline.add(customerId, now, kind, user.displayName(), Map.of("contact", contact));
    followUps.byOwner(customerId, user.id(), now);
  }
}
