package org.guanxi.crm.interaction;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The interaction module's permissions, and which role has which. */
@Component
public final class InteractionPermissions implements ModulePermissions {

  /** the interactions with the customers the user sees */
  public static final Permission INTERACTION_READ = Permission.named("INTERACTION_READ");

  /**
   * recording interactions with the customers the user sees, and changing one's own within the edit
   * window
   */
  public static final Permission INTERACTION_WRITE = Permission.named("INTERACTION_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(INTERACTION_READ, INTERACTION_WRITE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER, SALES, MARKETING, SERVICE ->
          Set.of(INTERACTION_READ, INTERACTION_WRITE);
      case ANALYST -> Set.of(INTERACTION_READ);
    };
  }
}
