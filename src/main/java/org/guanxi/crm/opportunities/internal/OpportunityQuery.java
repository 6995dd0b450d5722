package org.guanxi.crm.opportunities.internal;

import java.util.UUID;
import org.guanxi.crm.platform.SqlPage;
import org.jspecify.annotations.Nullable;

/** The filters of the deal list, and where its page starts. */
record OpportunityQuery(
    @Nullable UUID pipelineId,
    @Nullable UUID stageId,
    @Nullable UUID ownerId,
    @Nullable OpportunityStatus status,
    @Nullable UUID customerId,
    @Nullable String cursor,
    int limit)
    implements SqlPage.Request {

  static final int MAX_LIMIT = 200;
}
