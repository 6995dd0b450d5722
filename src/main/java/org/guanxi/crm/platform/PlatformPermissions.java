package org.guanxi.crm.platform;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Platform's own permissions: administering the workspace, and the exchange rates. */
@Component
public final class PlatformPermissions implements ModulePermissions {

  /** users, teams, the workspace's settings and every module's settings that only they change */
  public static final Permission ADMINISTRATION = Permission.named("ADMINISTRATION");

  /** the exchange rates money in other currencies is added up with, in the base currency */
  public static final Permission EXCHANGE_RATE_WRITE = Permission.named("EXCHANGE_RATE_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(EXCHANGE_RATE_WRITE, ADMINISTRATION);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR -> Set.of(EXCHANGE_RATE_WRITE, ADMINISTRATION);
      case MANAGER, SALES, MARKETING, SERVICE, ANALYST -> Set.of();
    };
  }
}
