package org.guanxi.crm.platform.internal.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * What a session remembers of who signed in. Roles, teams and whether the account is still active
 * are read afresh on every request, so a change made on any node applies at once everywhere.
 */
record GuanxiPrincipal(UUID workspaceId, UUID userId, String username) implements Serializable {}
