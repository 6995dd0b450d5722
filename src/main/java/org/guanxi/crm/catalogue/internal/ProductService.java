package org.guanxi.crm.catalogue.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.catalogue.Product;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing and finding products; a code is unique in the workspace. */
@Service
class ProductService implements Products {

  static final String KIND = "product";
  static final int MAX_LIMIT = 200;

  private final ProductStore store;
  private final CategoryStore categories;
  private final InputValidation validation;
  private final Clock clock;

  ProductService(
      ProductStore store, CategoryStore categories, InputValidation validation, Clock clock) {
    this.store = store;
    this.categories = categories;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  Product create(ProductDraft draft) {
    check(draft, null);
    UUID id = Ids.newId();
    store.insert(id, draft, clock.instant());
    return get(id);
  }

  @Transactional
  Product update(UUID id, @Nullable Long expectedVersion, ProductDraft draft) {
    Product current = get(id);
    check(draft, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(
        store.update(id, version, draft, clock.instant()), KIND, () -> get(id).version());
    return get(id);
  }

  Product get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  ProductStore.Page list(
      @Nullable String q,
      @Nullable UUID categoryId,
      @Nullable Boolean active,
      @Nullable String cursor,
      int limit) {
    SqlPage.checkLimit(limit, MAX_LIMIT);
    return store.list(q, categoryId, active, cursor, limit);
  }

  private void check(ProductDraft draft, @Nullable UUID self) {
    validation.check(draft);
    if (store.codeTaken(draft.code().strip(), self)) {
      throw new InvalidInput("code", "code-taken", "Another product has this code");
    }
    if (draft.categoryId() != null && !categories.exists(draft.categoryId())) {
      throw new InvalidInput("categoryId", "unknown-category", "There is no such category");
    }
  }

  @Override
  public List<Product> forSale(int limit) {
    return list(null, null, true, null, limit).items();
  }

  @Override
  public Map<String, Coded> byCodeKeys(Collection<String> codeKeys) {
    return store.byCodeKeys(codeKeys);
  }

  @Override
  public Set<UUID> addAll(List<NewProduct> products, Instant now) {
    return store.insertAll(products, now);
  }
}
