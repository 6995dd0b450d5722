package org.guanxi.crm.keyaccounts;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The key-account module's permissions, and which role has which. */
@Component
public final class KeyAccountPermissions implements ModulePermissions {

  /** key-account plans of the customers the user sees */
  public static final Permission KEY_ACCOUNT_READ = Permission.named("KEY_ACCOUNT_READ");

  /**
   * changing key-account plans, where the user owns the customer, manages or is on the account team
   */
  public static final Permission KEY_ACCOUNT_WRITE = Permission.named("KEY_ACCOUNT_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(KEY_ACCOUNT_READ, KEY_ACCOUNT_WRITE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER, SALES, MARKETING, SERVICE ->
          Set.of(KEY_ACCOUNT_READ, KEY_ACCOUNT_WRITE);
      case ANALYST -> Set.of(KEY_ACCOUNT_READ);
    };
  }
}
