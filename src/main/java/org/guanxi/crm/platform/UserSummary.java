package org.guanxi.crm.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user as other records refer to one: who owns a customer, who did something. */
public record UserSummary(
    UUID id, String username, String displayName, @Nullable UUID teamId, boolean active) {}
