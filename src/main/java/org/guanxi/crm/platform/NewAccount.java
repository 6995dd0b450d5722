package org.guanxi.crm.platform;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account to create in the current workspace. */
public record NewAccount(
    String username, String displayName, String password, Set<Role> roles, @Nullable UUID teamId) {}
