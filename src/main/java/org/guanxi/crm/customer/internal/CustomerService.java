package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerChanged;
import org.guanxi.crm.customer.CustomerCreated;
import org.guanxi.crm.customer.CustomerDeleted;
import org.guanxi.crm.customer.CustomerRestored;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.RecordScope;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, finding and deleting customers, under the rules of ownership and versions:
 * the records as the customer pages and API keep them. Other modules reach customers through {@link
 * CustomerDirectory}.
 */
@Service
class CustomerService {

  static final String KIND = "customer";

  private final CustomerStore store;
  private final CustomerTimeline timeline;
  private final Owners owners;
  private final CustomFieldStore customFields;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final InputValidation validation;
  private final Clock clock;
  private final FollowUps followUps;

  CustomerService(
      CustomerStore store,
      CustomerTimeline timeline,
      Owners owners,
      CustomFieldStore customFields,
      AuditLog audit,
      ApplicationEventPublisher events,
      InputValidation validation,
      Clock clock,
      FollowUps followUps) {
    this.store = store;
    this.timeline = timeline;
    this.owners = owners;
    this.customFields = customFields;
    this.audit = audit;
    this.events = events;
    this.validation = validation;
    this.clock = clock;
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
  /**
   * Whether the user is on the customer's owner's side: its owner, or a manager of the team that
   * holds it. They see its personal data in full (each view audited as a reveal).
   */
  static boolean ownersSide(CurrentUser user, Customer customer) {
    return user.id().equals(customer.ownerId())
        || (user.scope() == RecordScope.TEAM
            && customer.teamId() != null
            && user.teamIds().contains(customer.teamId()));
  }

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

  static final int MAX_EXTERNAL_KEY = 200;

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
}
