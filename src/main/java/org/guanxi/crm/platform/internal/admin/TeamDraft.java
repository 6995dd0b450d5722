package org.guanxi.crm.platform.internal.admin;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A team's name and where it sits: the input of creating, renaming and moving one. No parent: a top
 * team.
 */
record TeamDraft(@Nullable String name, @Nullable UUID parentId) {}
