package org.guanxi.crm.customer.internal;

import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.FreeText;
import org.jspecify.annotations.Nullable;

/**
 * Which customers a list shows: a search text, filters, the order, and where the previous page
 * ended.
 *
 * @param customFields custom-field values a customer must have, already typed
 * @param deleted true for the recycle bin (soft-deleted customers), false for the living ones
 */
record CustomerQuery(
    @Nullable String q,
    @Nullable LifecycleStage lifecycleStage,
    @Nullable Classification classification,
    @Nullable CustomerKind kind,
    @Nullable UUID ownerId,
    @Nullable String tag,
    @Nullable String city,
    @Nullable String industry,
    Map<String, Object> customFields,
    boolean deleted,
    CustomerSort sort,
    @Nullable String cursor,
    int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** The first page of key accounts whose name holds {@code q} (any when blank), by name. */
  static CustomerQuery keyAccounts(@Nullable String q, int limit) {
    return new CustomerQuery(
        FreeText.stripped(q),
        null,
        Classification.KEY_ACCOUNT,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        false,
        CustomerSort.NAME,
        null,
        Math.max(1, Math.min(limit, MAX_LIMIT)));
  }

  /** The same filters and order, from another place in the list. */
  CustomerQuery withPage(@Nullable String nextCursor, int pageLimit) {
    return new CustomerQuery(
        q,
        lifecycleStage,
        classification,
        kind,
        ownerId,
        tag,
        city,
        industry,
        customFields,
        deleted,
        sort,
        nextCursor,
        pageLimit);
  }
}
