package org.guanxi.crm.customer;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The customer module's permissions, and which role has which. */
@Component
public final class CustomerPermissions implements ModulePermissions {

  public static final Permission CUSTOMER_READ = Permission.named("CUSTOMER_READ");

  public static final Permission CUSTOMER_WRITE = Permission.named("CUSTOMER_WRITE");

  public static final Permission CUSTOMER_DELETE = Permission.named("CUSTOMER_DELETE");

  public static final Permission CUSTOMER_EXPORT = Permission.named("CUSTOMER_EXPORT");

  /** exports of more than a thousand customers at once, on top of {@link #CUSTOMER_EXPORT} */
  public static final Permission CUSTOMER_EXPORT_LARGE = Permission.named("CUSTOMER_EXPORT_LARGE");

  public static final Permission CUSTOMER_IMPORT = Permission.named("CUSTOMER_IMPORT");

  /** see the pools of one's teams and the general pool, and claim customers from them */
  public static final Permission CUSTOMER_POOL_CLAIM = Permission.named("CUSTOMER_POOL_CLAIM");

  /**
   * see the pools of the teams one manages, assign their customers and reclaim customers for the
   * pool
   */
  public static final Permission CUSTOMER_POOL_MANAGE = Permission.named("CUSTOMER_POOL_MANAGE");

  @Override
  public List<Permission> permissions() {
    return List.of(
        CUSTOMER_READ,
        CUSTOMER_WRITE,
        CUSTOMER_DELETE,
        CUSTOMER_EXPORT,
        CUSTOMER_EXPORT_LARGE,
        CUSTOMER_IMPORT,
        CUSTOMER_POOL_CLAIM,
        CUSTOMER_POOL_MANAGE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER -> Set.copyOf(permissions());
      case SALES -> Set.of(CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_DELETE, CUSTOMER_POOL_CLAIM);
      case MARKETING -> Set.of(CUSTOMER_READ, CUSTOMER_WRITE, CUSTOMER_EXPORT);
      case SERVICE -> Set.of(CUSTOMER_READ, CUSTOMER_WRITE);
      case ANALYST -> Set.of(CUSTOMER_READ);
    };
  }
}
