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

  /** setting the monthly sales targets (销售目标) of the reps one may give records to */
  public static final Permission SALES_TARGET_WRITE = Permission.named("SALES_TARGET_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE, SALES_SETTINGS, SALES_TARGET_WRITE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR ->
          Set.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE, SALES_SETTINGS, SALES_TARGET_WRITE);
      case MANAGER -> Set.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE, SALES_TARGET_WRITE);
      case SALES -> Set.of(OPPORTUNITY_READ, OPPORTUNITY_WRITE);
      case ANALYST -> Set.of(OPPORTUNITY_READ);
      case MARKETING, SERVICE -> Set.of();
    };
  }
}
