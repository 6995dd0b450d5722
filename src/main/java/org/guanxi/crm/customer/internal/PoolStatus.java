package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a customer stands with the pool: when it was last followed up and, while it is in the pool,
 * which pool, since when and why.
 */
record PoolStatus(
    @Nullable UUID ownerId,
    Instant followedUpAt,
    @Nullable Instant pooledAt,
    @Nullable PoolReason reason,
    @Nullable String poolTeamName,
    @Nullable String formerOwnerName) {

  public boolean inPool() {
    return pooledAt != null;
  }
}
