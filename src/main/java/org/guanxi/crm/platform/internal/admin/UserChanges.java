package org.guanxi.crm.platform.internal.admin;

import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.jspecify.annotations.Nullable;

/** The fields of a user an administrator may change; the user name stays as it was created. */
record UserChanges(
    @Nullable String displayName,
    @Nullable Set<Role> roles,
    @Nullable UUID teamId,
    @Nullable Boolean active) {}
