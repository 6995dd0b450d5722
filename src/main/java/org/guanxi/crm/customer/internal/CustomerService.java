package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.guanxi.crm.customer.CustomerChanged;
import org.guanxi.crm.customer.CustomerCreated;
import org.guanxi.crm.customer.CustomerDeleted;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.CustomerRestored;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.DuplicateCandidate;
import org.guanxi.crm.customer.DuplicateReason;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.customer.NewContact;
import org.guanxi.crm.customer.NewCustomer;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, finding and deleting customers, under the rules of ownership and versions.
 */
@Service
class CustomerService implements Customers {

  static final String KIND = "customer";

  private final CustomerStore store;
  private final CustomerTimeline timeline;
  private final UserDirectory users;
  private final Owners owners;
  private final CustomFieldStore customFields;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final InputValidation validation;
  private final Clock clock;
  private final ContactStore contacts;
  private final DuplicateFinder duplicates;
  private final FollowUps followUps;

  CustomerService(
      CustomerStore store,
      CustomerTimeline timeline,
      UserDirectory users,
      Owners owners,
      CustomFieldStore customFields,
      AuditLog audit,
      ApplicationEventPublisher events,
      InputValidation validation,
      Clock clock,
      ContactStore contacts,
      DuplicateFinder duplicates,
      FollowUps followUps) {
    this.store = store;
    this.timeline = timeline;
    this.users = users;
    this.owners = owners;
    this.customFields = customFields;
    this.audit = audit;
    this.events = events;
    this.validation = validation;
    this.clock = clock;
    this.contacts = contacts;
    this.duplicates = duplicates;
    this.followUps = followUps;
  }

  @Transactional
  Customer create(CurrentUser user, CustomerDraft draft) {
    validation.check(draft);
    UUID id = Ids.newId();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UserSummary owner = owners.choose(user, draft.ownerId(), null, "customers");
    CustomerStore.Content content = content(draft, owner, null);
    store.insert(id, content, now);
    timeline.add(id, now, "CREATED", user.displayName(), Map.of());
    events.publishEvent(new CustomerCreated(user.workspaceId(), id, user.id()));
    return content.asNewCustomer(id, owner.displayName(), now);
  }

  Customer get(CurrentUser user, UUID id) {
    return store.findVisible(user, id, false).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** A visible customer, also when it is in the recycle bin. */
  Customer getEvenDeleted(CurrentUser user, UUID id) {
    return store.findVisible(user, id, true).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** The customer with its personal data in plain text, the reveal written to the audit log. */
  @Transactional
  Customer reveal(CurrentUser user, UUID id) {
    Customer customer = get(user, id);
    audit.record(
        user,
        AuditAction.REVEAL,
        KIND,
        id,
        Map.of("fields", List.of("phone", "email", "idCard", "birthday", "address")));
    return customer;
  }

  @Transactional
  Customer update(CurrentUser user, UUID id, @Nullable Long expectedVersion, CustomerDraft draft) {
    validation.check(draft);
    Customer current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    Instant now = clock.instant();
    CustomerStore.Content content = content(user, draft, current);
    boolean newOwner = content.ownerId() != null && !content.ownerId().equals(current.ownerId());
    if (newOwner) {
      followUps.newOwner(id, now);
    }
    StaleVersion.unless(
        store.update(id, version, content, now), KIND, () -> get(user, id).version());
    if (!newOwner) {
      followUps.byOwner(id, user.id(), now);
    }
    Customer updated = get(user, id);
    timeline.add(
        id,
        now,
        "CHANGED",
        user.displayName(),
        Map.of("fields", changedFields(current.draft(), updated.draft())));
    if (newOwner && current.ownerId() == null) {
      // out of the pool; a customer in the pool belongs to the team of its pool
      Map<String, Object> detail = new java.util.LinkedHashMap<>();
      detail.put("owner", String.valueOf(updated.ownerName()));
      if (current.teamId() != null) {
        detail.put("poolTeamId", current.teamId().toString());
      }
      timeline.add(id, now, CustomerPool.ASSIGNED, user.displayName(), detail);
    }
    events.publishEvent(new CustomerChanged(user.workspaceId(), id, user.id()));
    return updated;
  }

  @Transactional
  void delete(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Customer current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    Instant now = clock.instant();
    StaleVersion.unless(store.markDeleted(id, version, now), KIND, () -> current.version());
    timeline.add(id, now, "DELETED", user.displayName(), Map.of());
    events.publishEvent(new CustomerDeleted(user.workspaceId(), id, user.id()));
  }

  @Transactional
  Customer restore(CurrentUser user, UUID id) {
    store
        .findVisible(user, id, true)
        .filter(c -> c.deletedAt() != null)
        .orElseThrow(() -> new RecordNotFound(KIND, id));
    Instant now = clock.instant();
    if (!store.restore(id, now)) {
      throw new InvalidInput(
          "id", "merged-customer", "This customer was merged into another and cannot be restored");
    }
    timeline.add(id, now, "RESTORED", user.displayName(), Map.of());
    events.publishEvent(new CustomerRestored(user.workspaceId(), id, user.id()));
    return get(user, id);
  }

  /**
   * Custom-field filters from request parameters named {@code cf.<key>}, typed like the field's
   * values.
   */
  Map<String, Object> customFieldFilter(Map<String, String> parameters) {
    Map<String, Object> filter = new java.util.TreeMap<>();
    List<CustomField> fields = customFields.active();
    parameters.forEach(
        (name, value) -> {
          if (name.startsWith("cf.") && value != null && !value.isBlank()) {
            String key = name.substring(3);
            CustomField field =
                fields.stream()
                    .filter(f -> f.key().equals(key))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new InvalidInput(
                                name, "unknown-custom-field", "There is no such custom field"));
            try {
              filter.put(key, CustomFieldValues.typed(field, value));
            } catch (InvalidInput e) {
              throw new InvalidInput(
                  e.errors().stream()
                      .map(
                          error -> new InvalidInput.FieldError(name, error.code(), error.message()))
                      .toList());
            }
          }
        });
    return filter;
  }

  List<CustomField> customFields() {
    return customFields.active();
  }

  CustomerPage list(CurrentUser user, CustomerQuery query) {
    return store.list(user, query);
  }

  List<CustomerTimeline.Entry> timeline(CurrentUser user, UUID id) {
    getEvenDeleted(user, id);
    return timeline.of(id, 100);
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

  /** The active users of the workspace other than the user, to share a customer with. */
  List<UserSummary> colleagues(CurrentUser user) {
    return users.activeUsers().stream().filter(u -> !u.id().equals(user.id())).toList();
  }

  /**
   * Owners the user may give a customer to: anyone for workspace-wide roles, the team for a
   * manager, oneself for a rep.
   */
  List<UserSummary> assignableOwners(CurrentUser user) {
    return owners.assignable(user);
  }

  /**
   * The content a draft gives a customer. A customer in the pool stays there, without an owner,
   * unless the draft names one.
   */
  private CustomerStore.Content content(
      CurrentUser user, CustomerDraft draft, @Nullable Customer current) {
    if (current != null && current.ownerId() == null && draft.ownerId() == null) {
      return content(draft, null, current);
    }
    return content(
        draft,
        owners.choose(
            user, draft.ownerId(), current == null ? null : current.ownerId(), "customers"),
        current);
  }

  private CustomerStore.Content content(
      CustomerDraft draft, @Nullable UserSummary owner, @Nullable Customer current) {
    LocalDate today = LocalDate.now(clock);
    PersonalData personal =
        new PersonalData(
            SensitiveValues.phone("phone", draft.phone()),
            SensitiveValues.email("email", draft.email()),
            SensitiveValues.idCard("idCard", draft.idCard()),
            SensitiveValues.birthday("birthday", draft.birthday(), today),
            SensitiveValues.text(draft.address()));
    return CustomerStore.Content.of(
        draft,
        owner == null ? null : owner.id(),
        owner == null ? (current == null ? null : current.teamId()) : owner.teamId(),
        personal,
        customFieldValues(draft, current));
  }

  /**
   * The draft's custom-field values, keeping those of retired fields, which the user could not see
   * or change.
   */
  private Map<String, Object> customFieldValues(CustomerDraft draft, @Nullable Customer current) {
    List<CustomField> fields = customFields.all();
    Map<String, Object> input =
        draft.customFields() == null
            ? new java.util.HashMap<>()
            : new java.util.HashMap<>(draft.customFields());
    Map<String, Object> kept = new java.util.TreeMap<>();
    if (current != null) {
      for (CustomField retired : fields.stream().filter(f -> !f.active()).toList()) {
        Object value = current.customFields().get(retired.key());
        if (value != null
            && (!input.containsKey(retired.key()) || value.equals(input.get(retired.key())))) {
          input.remove(retired.key());
          kept.put(retired.key(), value);
        }
      }
    }
    Map<String, Object> values =
        new java.util.TreeMap<>(CustomFieldValues.normalise(input, fields));
    values.putAll(kept);
    return values;
  }

  private static List<String> changedFields(CustomerDraft before, CustomerDraft after) {
    List<String> changed = new ArrayList<>();
    var components = CustomerDraft.class.getRecordComponents();
    for (var component : components) {
      try {
        Object a = component.getAccessor().invoke(before);
        Object b = component.getAccessor().invoke(after);
        if (!java.util.Objects.equals(a, b)) {
          changed.add(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return changed;
  }

  /**
   * The content a changed draft gives an existing customer, under the same checks as {@link
   * #update}.
   */
  CustomerStore.Content validContent(CurrentUser user, CustomerDraft draft, Customer current) {
    validation.check(draft);
    return content(user, draft, current);
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
        create(
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
      insertContact(user, created.id(), contact, true);
    }
    return created.id();
  }

  @Override
  @Transactional
  public void addContact(CurrentUser user, UUID customerId, NewContact contact) {
    get(user, customerId);
    insertContact(user, customerId, contact, false);
  }

  private void insertContact(
      CurrentUser user, UUID customerId, NewContact contact, boolean primary) {
    ContactDraft draft =
        new ContactDraft(
            contact.name(), contact.title(), contact.phone(), contact.email(), primary);
    validation.check(draft);
    Instant now = clock.instant();
    ContactStore.Content content = ContactStore.Content.of(draft, "contact.");
    contacts.insert(Ids.newId(), customerId, content, now);
    timeline.add(
        customerId, now, "CONTACT_ADDED", user.displayName(), Map.of("contact", content.name()));
    followUps.byOwner(customerId, user.id(), now);
  }

  static final int MAX_EXTERNAL_KEY = 200;
  private static final int MAX_NAME = 200;

  /**
   * Gives a customer its key in another system, or takes it away (null or blank): unique among the
   * workspace's customers.
   */
  @Transactional
  Customer setExternalKey(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, @Nullable String key) {
    Customer current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    String normalised = key == null || key.isBlank() ? null : key.strip();
    if (normalised != null && normalised.length() > MAX_EXTERNAL_KEY) {
      throw new InvalidInput(
          "externalKey", "size", "An external key has at most " + MAX_EXTERNAL_KEY + " characters");
    }
    if (normalised != null && store.externalKeyTaken(normalised, id)) {
      throw externalKeyTaken();
    }
    Instant now = clock.instant();
    try {
      StaleVersion.unless(
          store.setExternalKey(id, version, normalised, now), KIND, () -> get(user, id).version());
    } catch (DuplicateKeyException e) {
      throw externalKeyTaken();
    }
    timeline.add(id, now, "CHANGED", user.displayName(), Map.of("fields", List.of("externalKey")));
    events.publishEvent(new CustomerChanged(user.workspaceId(), id, user.id()));
    return get(user, id);
  }

  private static InvalidInput externalKeyTaken() {
    return new InvalidInput(
        "externalKey", "external-key-taken", "Another customer has this external key");
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
      if (key.isBlank() || !key.equals(key.strip()) || key.length() > MAX_EXTERNAL_KEY) {
        throw new InvalidInput(
            "externalKey",
            "invalid-external-key",
            "An external key has 1 to " + MAX_EXTERNAL_KEY + " characters and no outer spaces");
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
