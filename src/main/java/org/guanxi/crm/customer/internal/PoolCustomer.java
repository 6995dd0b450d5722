package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.jspecify.annotations.Nullable;

/**
 * A customer in the pool as those who may claim it see it: who it is and why it is there, never its
 * personal data.
 *
 * @param poolTeamId the team whose pool holds it; null for the workspace's general pool
 */
record PoolCustomer(
    UUID id,
    CustomerKind kind,
    String name,
    @Nullable String city,
    @Nullable String industry,
    LifecycleStage lifecycleStage,
    Classification classification,
    @Nullable UUID poolTeamId,
    @Nullable String poolTeamName,
    Instant pooledAt,
    PoolReason reason,
    @Nullable String formerOwnerName) {}
