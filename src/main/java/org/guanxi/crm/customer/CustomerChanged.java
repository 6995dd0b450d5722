package org.guanxi.crm.customer;

import java.util.UUID;

/** A customer was changed. */
public record CustomerChanged(UUID workspaceId, UUID customerId, UUID actorId) {}
