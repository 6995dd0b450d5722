package org.guanxi.crm.leads;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The leads module's permissions, and which role has which. */
@Component
public final class LeadPermissions implements ModulePermissions {

  public static final Permission LEAD_READ = Permission.named("LEAD_READ");

  public static final Permission LEAD_WRITE = Permission.named("LEAD_WRITE");

  public static final Permission LEAD_IMPORT = Permission.named("LEAD_IMPORT");

  @Override
  public List<Permission> permissions() {
    return List.of(LEAD_READ, LEAD_WRITE, LEAD_IMPORT);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER, MARKETING -> Set.of(LEAD_READ, LEAD_WRITE, LEAD_IMPORT);
      case SALES -> Set.of(LEAD_READ, LEAD_WRITE);
      case ANALYST -> Set.of(LEAD_READ);
      case SERVICE -> Set.of();
    };
  }
}
