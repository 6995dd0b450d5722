package org.guanxi.crm.customer.internal;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the customer list, bound once from query parameters for every endpoint that takes
 * them (the list and the export), so that they cannot drift apart; the pages and the key-account
 * list fill in the ones they offer. Custom-field filters ({@code cf.<key>}) come on top, typed by
 * their field's definition.
 */
record CustomerFilters(
    @Parameter(
            description =
                "Any part of a name, its pinyin or initials, an exact e-mail or phone, or a phone's last four digits")
        @Nullable String q,
    @Nullable LifecycleStage lifecycleStage,
    @Nullable Classification classification,
    @Nullable CustomerKind kind,
    @Nullable UUID ownerId,
    @Nullable String tag,
    @Nullable String city,
    @Nullable String industry,
    @Parameter(description = "true for the recycle bin") @Nullable Boolean deleted,
    @Parameter(description = "NEWEST (default) or NAME") @Nullable CustomerSort sort) {

  CustomerQuery query(Map<String, Object> customFields, @Nullable String cursor, int limit) {
    return new CustomerQuery(this, customFields, cursor, limit);
  }
}
