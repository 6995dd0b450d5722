package org.guanxi.crm.opportunities;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The opportunities module's permissions, and which role has which. */
@Component
public final class OpportunityPermissions implements ModulePermissions {

  public static final Permission OPPORTUNITY_READ = Permission.named("OPPORTUNITY_READ");

  public static final Permission OPPORTUNITY_WRITE = Permission.named("OPPORTUNITY_WRITE");

  /**
   * sales settings: pipelines and their stages here, and the lead assignment rules and the
   * web-to-lead form of the leads module
   */
  public static final Permission SALES_SETTINGS = Permission.named("SALES_SETTINGS");

  @Override
  public List<Permission> permissions() {
    return List.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE, SALES_SETTINGS);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR -> Set.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE, SALES_SETTINGS);
      case MANAGER, SALES -> Set.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE);
      case ANALYST -> Set.of(OPPORTUNITY_READ);
      case MARKETING, SERVICE -> Set.of();
    };
  }
}
