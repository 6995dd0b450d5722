package org.guanxi.crm.catalogue.internal;

import java.time.Clock;
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

/** Creating and changing product categories; a category never ends up below itself. */
@Service
class CategoryService {

  static final String KIND = "product category";

  private final CategoryStore store;
  private final InputValidation validation;
  private final Clock clock;

  CategoryService(CategoryStore store, InputValidation validation, Clock clock) {
    this.store = store;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  Category create(Category.Draft draft) {
    validation.check(draft);
    checkParent(draft.parentId(), null);
    UUID id = Ids.newId();
    store.insert(id, draft, clock.instant());
    return get(id);
  }

  @Transactional
  Category update(UUID id, @Nullable Long expectedVersion, Category.Draft draft) {
    validation.check(draft);
    Category current = get(id);
    checkParent(draft.parentId(), id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.update(id, version, draft), KIND, () -> get(id).version());
    return get(id);
  }

  Category get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  List<Category> all() {
    return store.all();
  }

  private void checkParent(@Nullable UUID parentId, @Nullable UUID self) {
    if (parentId == null) {
      return;
    }
    if (!store.exists(parentId)) {
      throw new InvalidInput("parentId", "unknown-category", "There is no such category");
    }
    if (self != null && store.isSelfOrBelow(parentId, self)) {
      throw new InvalidInput(
          "parentId", "category-cycle", "A category cannot be placed below itself");
    }
  }
}
