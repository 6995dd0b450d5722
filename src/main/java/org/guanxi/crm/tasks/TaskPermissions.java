package org.guanxi.crm.tasks;

import java.util.List;
import java.util.Set;
import org.guanxi.crm.platform.ModulePermissions;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.Role;
import org.springframework.stereotype.Component;

/** The task module's permissions, and which role has which. */
@Component
public final class TaskPermissions implements ModulePermissions {

  /** the tasks the user sees: their own, and a manager's team's */
  public static final Permission TASK_READ = Permission.named("TASK_READ");

  /** creating, changing, completing and deleting the tasks the user sees */
  public static final Permission TASK_WRITE = Permission.named("TASK_WRITE");

  @Override
  public List<Permission> permissions() {
    return List.of(TASK_READ, TASK_WRITE);
  }

  @Override
  public Set<Permission> grantedTo(Role role) {
    return switch (role) {
      case ADMINISTRATOR, MANAGER, SALES, MARKETING, SERVICE -> Set.of(TASK_READ, TASK_WRITE);
      case ANALYST -> Set.of(TASK_READ);
    };
  }
}
