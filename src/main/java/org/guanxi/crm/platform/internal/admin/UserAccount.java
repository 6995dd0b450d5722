package org.guanxi.crm.platform.internal.admin;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A user as administrators see one; the password hash never leaves the store. */
record UserAccount(
    UUID id,
    String username,
    String displayName,
    Set<Role> roles,
    @Nullable UUID teamId,
    @Nullable String teamName,
    boolean active,
    Instant createdAt,
    long version)
    implements Versioned {

  UserChanges changes() {
    return new UserChanges(displayName, roles, teamId, active);
  }
}
