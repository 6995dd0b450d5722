package org.guanxi.crm.catalogue.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Price lists per customer group, and the price a customer gets for a product. */
@Service
class PriceListService {

  static final String KIND = "price list";

  private final PriceListStore store;
  private final ProductService products;
  private final InputValidation validation;
  private final Clock clock;

  PriceListService(
      PriceListStore store, ProductService products, InputValidation validation, Clock clock) {
    this.store = store;
    this.products = products;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  PriceList create(PriceList.Draft draft) {
    validation.check(draft);
    UUID id = Ids.newId();
    store.insert(id, draft, clock.instant());
    return get(id);
  }

  @Transactional
  PriceList update(UUID id, @Nullable Long expectedVersion, PriceList.Draft draft) {
    validation.check(draft);
    PriceList current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.update(id, version, draft), KIND, () -> get(id).version());
    return get(id);
  }

  PriceList get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  List<PriceList> all() {
    return store.all();
  }

  List<PriceList.Price> prices(UUID id) {
    get(id);
    return store.prices(id);
  }

  @Transactional
  PriceList setPrice(
      UUID id, UUID productId, @Nullable Long expectedVersion, PriceList.PriceInput input) {
    validation.check(input);
    PriceList current = changing(id, expectedVersion);
    products.get(productId);
    store.setPrice(id, productId, input.price());
    return new PriceList(
        id, current.name(), current.customerGroup(), current.currency(), current.version() + 1);
  }

  @Transactional
  PriceList removePrice(UUID id, UUID productId, @Nullable Long expectedVersion) {
    PriceList current = changing(id, expectedVersion);
    store.removePrice(id, productId);
    return new PriceList(
        id, current.name(), current.customerGroup(), current.currency(), current.version() + 1);
  }

  /**
   * The price the customer's groups give the product in the currency, or none when no list of
   * theirs names it.
   */
  Optional<BigDecimal> priceFor(
      CustomerSummary customer, List<String> tags, UUID productId, String currency) {
    List<String> groups = new ArrayList<>(tags);
    groups.add(customer.classification().name());
    return store.lowestPrice(groups, productId, currency);
  }

  private PriceList changing(UUID id, @Nullable Long expectedVersion) {
    PriceList current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.touch(id, version), KIND, () -> get(id).version());
    return current;
  }
}
