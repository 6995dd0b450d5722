package org.guanxi.crm.leads.internal;

import java.util.UUID;
import org.guanxi.crm.platform.SqlPage;
import org.jspecify.annotations.Nullable;

/** A page of the lead list: search, filters and where the previous page ended. */
record LeadQuery(
    @Nullable String q,
    @Nullable LeadStatus status,
    @Nullable UUID ownerId,
    @Nullable String source,
    @Nullable String cursor,
    int limit)
    implements SqlPage.Request {

  static final int MAX_LIMIT = 200;
}
