package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.guanxi.crm.platform.SqlPage;
import org.jspecify.annotations.Nullable;

/**
 * Which pool customers a list shows.
 *
 * @param teamId only the pool of this team
 * @param general only the workspace's general pool
 * @param q a part of the name, its pinyin or initials
 */
record PoolQuery(
    @Nullable UUID teamId,
    boolean general,
    @Nullable PoolReason reason,
    @Nullable String q,
    @Nullable String cursor,
    int limit)
    implements SqlPage.Request {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
}
