package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators' custom fields: adding, relabelling and retiring them. Retired fields keep their
 * values.
 */
@Service
class CustomFieldService {

  static final String KIND = "custom field";

  private final CustomFieldStore store;
  private final InputValidation validation;

  CustomFieldService(CustomFieldStore store, InputValidation validation) {
    this.store = store;
    this.validation = validation;
  }

  List<CustomField> all() {
    return store.all();
  }

  List<CustomField> active() {
    return store.active();
  }

  CustomField get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  @Transactional
  CustomField add(CustomFieldDraft draft) {
    validation.check(draft);
    checkOptions(draft);
    if (store.keyTaken(draft.key())) {
      throw new InvalidInput("key", "key-taken", "Another custom field has this key");
    }
    UUID id = Ids.newId();
    store.insert(id, draft);
    return get(id);
  }

  @Transactional
  CustomField change(
      UUID id, @Nullable Long expectedVersion, CustomFieldDraft draft, boolean active) {
    validation.check(draft);
    checkOptions(draft);
    CustomField current = get(id);
    if (!current.key().equals(draft.key()) || current.type() != draft.type()) {
      throw new InvalidInput(
          current.key().equals(draft.key()) ? "type" : "key",
          "immutable",
          "The key and type of a custom field cannot change");
    }
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.update(id, version, draft, active), KIND, () -> current.version());
    return get(id);
  }

  private static void checkOptions(CustomFieldDraft draft) {
    boolean choice = draft.type() == CustomFieldType.CHOICE;
    if (choice && draft.optionsOrEmpty().isEmpty()) {
      throw new InvalidInput(
          "options", "options-required", "A choice field needs at least one option");
    }
    if (!choice && !draft.optionsOrEmpty().isEmpty()) {
      throw new InvalidInput("options", "options-not-allowed", "Only choice fields have options");
    }
    long distinct =
        draft.optionsOrEmpty().stream().map(CustomField.Choice::value).distinct().count();
    if (distinct != draft.optionsOrEmpty().size()) {
      throw new InvalidInput("options", "duplicate-option", "Each option value appears once");
    }
  }
}
