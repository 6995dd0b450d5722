package org.guanxi.crm.customer.internal;

import java.util.Map;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.platform.FreeText;
import org.jspecify.annotations.Nullable;

/**
 * Which customers a list shows: the filters of the list, custom-field values on top, and where the
 * previous page ended.
 *
 * @param customFields custom-field values a customer must have, already typed
 */
record CustomerQuery(
    CustomerFilters filters, Map<String, Object> customFields, @Nullable String cursor, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** The first page of key accounts whose name holds {@code q} (any when blank), by name. */
  static CustomerQuery keyAccounts(@Nullable String q, int limit) {
    return new CustomerQuery(
        new CustomerFilters(
            FreeText.stripped(q),
            null,
            Classification.KEY_ACCOUNT,
            null,
            null,
            null,
            null,
            null,
            false,
            CustomerSort.NAME),
        Map.of(),
        null,
        Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  /** True for the recycle bin (soft-deleted customers), false for the living ones. */
  boolean deleted() {
    return Boolean.TRUE.equals(filters.deleted());
  }

  /** The order of the list: the newest first unless the filters ask otherwise. */
  CustomerSort sort() {
    return filters.sort() == null ? CustomerSort.NEWEST : filters.sort();
  }

  /** The same filters and order, from another place in the list. */
  CustomerQuery withPage(@Nullable String nextCursor, int pageLimit) {
    return new CustomerQuery(filters, customFields, nextCursor, pageLimit);
  }
}
