package org.guanxi.crm.customer.internal;

import java.util.List;
import org.guanxi.crm.customer.NameSearchKeys;
import org.springframework.stereotype.Component;

/**
 * {@link NameSearchKeys} for other modules: exactly the keys and the query rules of the customer
 * search ({@link SearchKeys}, {@code CustomerStore.searchCondition}), so that a name is found the
 * same way wherever it is kept.
 */
@Component
class SharedSearchKeys implements NameSearchKeys {

  private static final int SHORTEST_TRIGRAM_QUERY = 3;

  @Override
  public Keys of(String name) {
    SearchKeys.Keys keys = SearchKeys.of(name);
    return new Keys(keys.name(), keys.latin(), keys.grams());
  }

  @Override
  public Match match(String searchText) {
    String normalised = SearchKeys.normalise(searchText);
    if (SearchKeys.containsCjk(normalised)) {
      return new Match(SearchKeys.cjkQueryGrams(normalised), normalised, null);
    }
    String latin = normalised.replaceAll("[^a-z0-9]+", " ").strip();
    if (latin.replace(" ", "").length() < SHORTEST_TRIGRAM_QUERY) {
      return new Match(List.of(latin.replace(" ", "")), null, null);
    }
    return new Match(List.of(), null, latin);
  }
}
