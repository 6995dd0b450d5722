package org.guanxi.crm.customer;

import java.util.UUID;

/** A customer was created. */
public record CustomerCreated(UUID workspaceId, UUID customerId, UUID actorId) {}
