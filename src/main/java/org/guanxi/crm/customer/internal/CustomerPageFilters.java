package org.guanxi.crm.customer.internal;

import java.util.Map;
import org.guanxi.crm.customer.LifecycleStage;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the customer pages, bound once from their query parameters ({@code q}, {@code
 * stage}, {@code deleted}) for every page handler that takes them, as {@link CustomerFilters} are
 * for the API: the search text, the lifecycle stage and the recycle bin. Custom-field filters come
 * on top where a page takes them.
 */
record CustomerPageFilters(
    @Nullable String q, @Nullable LifecycleStage stage, @Nullable Boolean deleted) {

  /** The first page of the customers these filters find, in {@code sort} order. */
  CustomerQuery query(CustomerSort sort) {
    return CustomerPages.query(
        q, stage, Map.of(), Boolean.TRUE.equals(deleted), sort, null, CustomerQuery.DEFAULT_LIMIT);
  }
}
