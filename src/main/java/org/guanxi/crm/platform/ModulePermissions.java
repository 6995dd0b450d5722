package org.guanxi.crm.platform;

import java.util.List;
import java.util.Set;

/**
 * A module's permissions and which role has which of them. Each module declares its own as a Spring
 * bean; a role's permissions are what every module grants it ({@link Grants}), so a new module adds
 * permissions without editing platform.
 */
public interface ModulePermissions {

  /** Every permission this module declares, in the order administrators read them. */
  List<Permission> permissions();

  /**
   * The permissions of this module that {@code role} has. Implementations switch over every role,
   * so that a new role makes each module decide.
   */
  Set<Permission> grantedTo(Role role);
}
