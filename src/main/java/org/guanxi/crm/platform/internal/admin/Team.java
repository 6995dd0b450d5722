package org.guanxi.crm.platform.internal.admin;

import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * A team in the workspace's hierarchy; {@code memberCount} counts active and deactivated users
 * alike.
 */
record Team(UUID id, String name, @Nullable UUID parentId, long memberCount, long version)
    implements Versioned {

  TeamDraft draft() {
    return new TeamDraft(name, parentId);
  }
}
