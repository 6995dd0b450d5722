package org.guanxi.crm.catalogue;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The catalogue's permissions, and which role has which. */
@Component
public final class CataloguePermissions implements ModulePermissions {

  public static final Permission PRODUCT_READ = Permission.named("PRODUCT_READ");

  /** the catalogue itself: products, categories, prices and price lists */
  public static final Permission PRODUCT_WRITE = Permission.named("PRODUCT_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(PRODUCT_READ, PRODUCT_WRITE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR -> Set.of(PRODUCT_READ, PRODUCT_WRITE);
      case MANAGER, SALES, MARKETING, SERVICE, ANALYST -> Set.of(PRODUCT_READ);
    };
  }
}
