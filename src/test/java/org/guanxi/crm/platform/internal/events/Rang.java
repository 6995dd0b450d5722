package org.guanxi.crm.platform.internal.events;

import java.util.UUID;
import org.guanxi.crm.platform.WorkspaceEvent;

/** An event for the durable-events test only. */
record Rang(UUID workspaceId, UUID id) implements WorkspaceEvent {}
