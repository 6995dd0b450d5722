package org.guanxi.crm.privacy;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The privacy module's permissions: revealing masked personal data, and reading the audit log of
 * every reveal, export and bulk read.
 */
@Component
public final class PrivacyPermissions implements ModulePermissions {

  /** seeing personal data unmasked, wherever a module shows it (customers, leads) */
  public static final Permission PERSONAL_DATA_REVEAL = Permission.named("PERSONAL_DATA_REVEAL");

  public static final Permission AUDIT_READ = Permission.named("AUDIT_READ");

  /**
   * Refuses (as {@link AccessDeniedException}, 403) a request to see personal data unmasked from a
   * user who may not; a request that does not ask to reveal passes.
   */
  public static void checkReveal(CurrentUser user, boolean reveal) {
    if (reveal && !user.can(PERSONAL_DATA_REVEAL)) {
      throw new AccessDeniedException("reveal");
    }
  }

  @Override
  public List<Permission> permissions() {
    return List.of(PERSONAL_DATA_REVEAL, AUDIT_READ);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR -> Set.of(PERSONAL_DATA_REVEAL, AUDIT_READ);
      case MANAGER, SERVICE -> Set.of(PERSONAL_DATA_REVEAL);
      case SALES, MARKETING, ANALYST -> Set.of();
    };
  }
}
