package org.guanxi.crm.customer;

import java.util.UUID;
import org.guanxi.crm.platform.WorkspaceEvent;

/**
 * A duplicate customer was merged into another: its contacts, shares and timeline now belong to the
 * survivor, and the duplicate is in the recycle bin. Records of other modules that name the
 * duplicate should follow.
 */
public record CustomerMerged(UUID workspaceId, UUID survivorId, UUID duplicateId, UUID actorId)
    implements WorkspaceEvent {}
