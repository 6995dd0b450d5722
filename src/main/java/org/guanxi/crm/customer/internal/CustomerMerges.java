package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merging duplicates: one customer survives and takes over the duplicate's contacts, shares and
 * timeline; its empty fields are filled from the duplicate's (tags are joined), and so is its
 * external key; the duplicate goes to the recycle bin, pointing at the survivor. Nothing the
 * survivor already holds is overwritten: when both have an external key, the duplicate keeps its
 * own, the merge's timeline entry names it, and imports that look customers up by it find the
 * survivor.
 */
@Service
class CustomerMerges {

  /** A draft with the empty fields filled, and the names of the fields that were. */
  record Filled(CustomerDraft draft, List<String> fields) {}

  private final CustomerService customers;
  private final CustomerStore store;
  private final CustomerRelations relations;
  private final CustomerTimeline timeline;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;
  private final Clock clock;

  CustomerMerges(
      CustomerService customers,
      CustomerStore store,
      CustomerRelations relations,
      CustomerTimeline timeline,
      AuditLog audit,
      ApplicationEventPublisher events,
      JsonMapper json,
      Clock clock) {
    this.customers = customers;
    this.store = store;
    this.relations = relations;
    this.timeline = timeline;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** Merges {@code duplicateId} into {@code survivorId}; both must be visible to the user. */
  @Transactional
  Customer merge(
      CurrentUser user, UUID survivorId, @Nullable Long expectedVersion, UUID duplicateId) {
    if (survivorId.equals(duplicateId)) {
      throw new InvalidInput(
          "duplicateId", "same-customer", "A customer cannot be merged into itself");
    }
    Customer survivor = customers.get(user, survivorId);
    Customer duplicate = customers.get(user, duplicateId);
    long version = StaleVersion.check(CustomerService.KIND, expectedVersion, survivor.version());
    Filled filled = fill(survivor.draft(), duplicate.draft());
    String duplicateKey = duplicate.externalKey();
    boolean takesKey = duplicateKey != null && survivor.externalKey() == null;
    List<String> fields = new ArrayList<>(filled.fields());
    if (takesKey) {
      fields.add("externalKey");
    }
    Instant now = clock.instant();
    StaleVersion.unless(
        store.update(
            survivorId, version, customers.validContent(user, filled.draft(), survivor), now),
        CustomerService.KIND,
        () -> customers.get(user, survivorId).version());
    StaleVersion.unless(
        store.markMerged(duplicateId, duplicate.version(), survivorId, !takesKey, now),
        CustomerService.KIND,
        () -> duplicate.version());
    StaleVersion.unless(
        !takesKey || store.takeExternalKey(survivorId, duplicateKey),
        CustomerService.KIND,
        () -> customers.get(user, survivorId).version());
    CustomerRelations.Moved moved =
        relations.move(duplicateId, survivorId, duplicate.ownerId(), survivor.ownerId());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("duplicateId", duplicateId);
    detail.put("fields", fields);
    if (duplicateKey != null && !takesKey) {
      // the survivor keeps its own key; imports still find it by the duplicate's (see
      // CustomerStore#byExternalKeys)
      detail.put("duplicateExternalKey", duplicateKey);
    }
    timeline.add(survivorId, now, "MERGED", user.displayName(), detail);
    timeline.add(
        duplicateId, now, "MERGED_INTO", user.displayName(), Map.of("survivorId", survivorId));
    audit.record(
        user,
        AuditAction.MERGE,
        CustomerService.KIND,
        survivorId,
        Map.of(
            "duplicateId",
            duplicateId,
            "fieldsFilled",
            fields,
            "contactsMoved",
            moved.contacts(),
            "sharesMoved",
            moved.shares(),
            "timelineEntriesMoved",
            moved.timelineEntries()));
    events.publishEvent(new CustomerMerged(user.workspaceId(), survivorId, duplicateId, user.id()));
    return customers.get(user, survivorId);
  }

  /**
   * Fills the empty fields of an existing customer from a row of an import; returns the fields
   * filled.
   */
  List<String> fillFromImport(CurrentUser user, UUID customerId, CustomerDraft row) {
    Customer existing = customers.get(user, customerId);
    Filled filled = fill(existing.draft(), row);
    if (!filled.fields().isEmpty()) {
      customers.update(user, customerId, existing.version(), filled.draft());
    }
    return filled.fields();
  }

  /**
   * Field by field: what {@code into} lacks is taken from {@code from}; lists are joined, maps
   * completed.
   */
  Filled fill(CustomerDraft into, CustomerDraft from) {
    ObjectNode target = json.valueToTree(into);
    ObjectNode source = json.valueToTree(from);
    List<String> filled = new ArrayList<>();
    for (var field : source.properties()) {
      JsonNode mine = target.get(field.getKey());
      JsonNode theirs = field.getValue();
      if (isEmpty(theirs)) {
        continue;
      }
      if (isEmpty(mine)) {
        target.set(field.getKey(), theirs);
        filled.add(field.getKey());
      } else if (mine.isArray() && theirs.isArray()) {
        Set<JsonNode> joined = new LinkedHashSet<>();
        mine.forEach(joined::add);
        theirs.forEach(joined::add);
        if (joined.size() > mine.size()) {
          ArrayNode list = target.putArray(field.getKey());
          joined.forEach(list::add);
          filled.add(field.getKey());
        }
      } else if (mine.isObject() && theirs.isObject()) {
        ObjectNode map = (ObjectNode) mine;
        boolean grew = false;
        for (var entry : theirs.properties()) {
          if (isEmpty(map.get(entry.getKey())) && !isEmpty(entry.getValue())) {
            map.set(entry.getKey(), entry.getValue());
            grew = true;
          }
        }
        if (grew) {
          filled.add(field.getKey());
        }
      }
    }
    return new Filled(json.treeToValue(target, CustomerDraft.class), filled);
  }

  private static boolean isEmpty(@Nullable JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isString() && node.asString().isBlank())
        || (node.isContainer() && node.isEmpty());
  }
}
