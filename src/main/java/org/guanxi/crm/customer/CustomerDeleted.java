package org.guanxi.crm.customer;

import java.util.UUID;

/** A customer was moved to the recycle bin (restorable). */
public record CustomerDeleted(UUID workspaceId, UUID customerId, UUID actorId) {}
