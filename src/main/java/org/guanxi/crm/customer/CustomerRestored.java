package org.guanxi.crm.customer;

import java.util.UUID;

/** A customer was restored from the recycle bin. */
public record CustomerRestored(UUID workspaceId, UUID customerId, UUID actorId) {}
