package org.guanxi.crm.platform.internal.admin;

import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.jspecify.annotations.Nullable;

/** What an administrator fills in to create a user; {@link UserAdministration} checks it. */
record NewUser(
    @Nullable String username,
    @Nullable String displayName,
    @Nullable String password,
    @Nullable Set<Role> roles,
    @Nullable UUID teamId) {}
