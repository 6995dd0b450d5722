package org.guanxi.crm.platform;

import java.util.UUID;

/**
 * A workspace was created; with {@code demo}, modules fill it with demo data. Published inside that
 * workspace.
 */
public record WorkspaceCreated(UUID workspaceId, String slug, boolean demo)
    implements WorkspaceEvent {}
