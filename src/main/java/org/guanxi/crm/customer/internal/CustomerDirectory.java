package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerCreated;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.DuplicateCandidate;
import org.guanxi.crm.customer.DuplicateReason;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.customer.NewContact;
import org.guanxi.crm.customer.NewCustomer;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer record as other modules use it ({@link Customers}): look-ups under the user's
 * visibility, duplicate candidates, and customers created for a conversion or an import. A single
 * customer is created and a contact added by {@link CustomerService} and {@link ContactService},
 * under the same rules as on the customer pages; apart from them, so that neither the pages'
 * service nor this facade holds the collaborators only the other needs.
 */
@Service
class CustomerDirectory implements Customers {

  private static final int MAX_NAME = 200;

  private final CustomerService records;
  private final ContactService contacts;
  private final CustomerStore store;
  private final DuplicateFinder duplicates;
  private final CustomerTimeline timeline;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CustomerDirectory(
      CustomerService records,
      ContactService contacts,
      CustomerStore store,
      DuplicateFinder duplicates,
      CustomerTimeline timeline,
      ApplicationEventPublisher events,
      Clock clock) {
    this.records = records;
    this.contacts = contacts;
    this.store = store;
    this.duplicates = duplicates;
    this.timeline = timeline;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Optional<CustomerSummary> find(CurrentUser user, UUID customerId) {
    return store.findVisible(user, customerId, false).map(Customer::summary);
  }

  @Override
  public long countVisible(CurrentUser user) {
    return store.countVisible(user);
  }

  @Override
  public List<String> tags(CurrentUser user, UUID customerId) {
    return store.findVisible(user, customerId, false).map(Customer::tags).orElse(List.of());
  }

  @Override
  public VisibleCustomers visibleCustomers(CurrentUser user, String customerIdColumn) {
    RecordAccess.Condition visibility = RecordAccess.visible(user, CustomerStore.HOLDING);
    return new VisibleCustomers(
        customerIdColumn
            + " in (select c.id from customer c where c.deleted_at is null and "
            + visibility.sql()
            + ")",
        visibility.params());
  }

  @Override
  public List<DuplicateCandidate> duplicateCandidates(
      CurrentUser user, NewCustomer customer, @Nullable NewContact contact) {
    List<String> emails = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    addIfPresent(emails, SensitiveValues.email("email", customer.email()));
    addIfPresent(phones, SensitiveValues.phone("phone", customer.phone()));
    if (contact != null) {
      addIfPresent(emails, SensitiveValues.email("contact.email", contact.email()));
      addIfPresent(phones, SensitiveValues.phone("contact.phone", contact.phone()));
    }
    List<DuplicateCandidate> candidates = new ArrayList<>();
    duplicates
        .candidates(
            emails.stream().distinct().toList(),
            phones.stream().distinct().toList(),
            customer.name(),
            10)
        .forEach(
            (id, reasons) -> {
              Optional<Customer> visible = store.findVisible(user, id, false);
              candidates.add(
                  new DuplicateCandidate(
                      id,
                      visible.map(Customer::name).orElse(null),
                      visible.isPresent(),
                      reasons.stream()
                          .map(r -> DuplicateReason.valueOf(r.name()))
                          .collect(
                              java.util.stream.Collectors.toCollection(
                                  () -> java.util.EnumSet.noneOf(DuplicateReason.class)))));
            });
    return candidates;
  }

  @Override
  @Transactional
  public UUID create(CurrentUser user, NewCustomer customer, @Nullable NewContact contact) {
    Customer created =
        records.create(
            user,
            new CustomerDraft(
                customer.kind(),
                customer.name(),
                customer.industry(),
                customer.source(),
                customer.city(),
                null,
                null,
                null,
                customer.preferences(),
                customer.ownerId(),
                customer.phone(),
                customer.email(),
                null,
                null,
                null,
                null));
    if (contact != null) {
      contacts.addFor(user, created.id(), contact, true);
    }
    return created.id();
  }

  @Override
  @Transactional
  public void addContact(CurrentUser user, UUID customerId, NewContact contact) {
    records.get(user, customerId);
    contacts.addFor(user, customerId, contact, false);
  }

  @Override
  public Map<String, KeyedCustomer> findByExternalKeys(CurrentUser user, Collection<String> keys) {
    Map<String, KeyedCustomer> found = new LinkedHashMap<>();
    for (CustomerStore.Keyed keyed : store.byExternalKeys(user, keys)) {
      found.put(
          keyed.externalKey(), new KeyedCustomer(keyed.id(), keyed.name(), keyed.visible(), false));
    }
    return found;
  }

  @Override
  @Transactional
  public Map<String, KeyedCustomer> createWithExternalKeys(
      CurrentUser user,
      Map<String, @Nullable String> namesByKey,
      CustomerKind kind,
      Map<String, Object> timelineDetail) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<String, KeyedCustomer> created = new LinkedHashMap<>();
    List<CustomerStore.Insertion> insertions = new ArrayList<>();
    PersonalData none = new PersonalData(null, null, null, null, null);
    for (Map.Entry<String, @Nullable String> entry : namesByKey.entrySet()) {
      String key = entry.getKey();
      if (key.isBlank()
          || !key.equals(key.strip())
          || key.length() > CustomerService.MAX_EXTERNAL_KEY) {
        throw new InvalidInput(
            "externalKey",
            "invalid-external-key",
            "An external key has 1 to "
                + CustomerService.MAX_EXTERNAL_KEY
                + " characters and no outer spaces");
      }
      String name =
          entry.getValue() == null || entry.getValue().isBlank() ? key : entry.getValue().strip();
      if (name.length() > MAX_NAME) {
        name = name.substring(0, MAX_NAME).strip();
      }
      UUID id = Ids.newId();
      insertions.add(
          new CustomerStore.Insertion(
              id,
              new CustomerStore.Content(
                  kind,
                  name,
                  null,
                  null,
                  null,
                  LifecycleStage.PROSPECT,
                  Classification.ORDINARY,
                  List.of(),
                  null,
                  user.id(),
                  user.teamId(),
                  none,
                  Map.of()),
              now,
              key));
      created.put(key, new KeyedCustomer(id, name, true, true));
    }
    Set<UUID> inserted = store.insertAllWithUntakenKeys(insertions);
    List<UUID> ids =
        insertions.stream().map(CustomerStore.Insertion::id).filter(inserted::contains).toList();
    if (ids.size() < insertions.size()) {
      // another import (or the other connection of this one) gave these keys their customer
      // meanwhile: that customer is the one
      List<String> taken =
          insertions.stream()
              .filter(insertion -> !inserted.contains(insertion.id()))
              .map(CustomerStore.Insertion::externalKey)
              .toList();
      taken.forEach(created::remove);
      created.putAll(findByExternalKeys(user, taken));
    }
    timeline.addAll(ids, now, "IMPORTED", user.displayName(), timelineDetail);
    ids.forEach(id -> events.publishEvent(new CustomerCreated(user.workspaceId(), id, user.id())));
    return created;
  }

  private static void addIfPresent(List<String> values, @Nullable String value) {
    if (value != null) {
      values.add(value);
    }
  }
}
