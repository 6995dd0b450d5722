package org.guanxi.crm.orders;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The orders module's permissions, and which role has which. */
@Component
public final class OrderPermissions implements ModulePermissions {

  public static final Permission ORDER_READ = Permission.named("ORDER_READ");

  public static final Permission ORDER_WRITE = Permission.named("ORDER_WRITE");

  public static final Permission ORDER_IMPORT = Permission.named("ORDER_IMPORT");

  @Override
  public List<Permission> permissions() {
    return List.of(ORDER_READ, ORDER_WRITE, ORDER_IMPORT);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER -> Set.of(ORDER_READ, ORDER_WRITE, ORDER_IMPORT);
      case SALES -> Set.of(ORDER_READ, ORDER_WRITE);
      case MARKETING, SERVICE, ANALYST -> Set.of(ORDER_READ);
    };
  }
}
