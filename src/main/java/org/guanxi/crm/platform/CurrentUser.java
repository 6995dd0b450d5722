package org.guanxi.crm.platform;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as every module sees it.
 *
 * @param permissions what the user's roles are granted ({@link Grants#of(java.util.Collection)})
 * @param teamIds the user's team and every team below it, for {@link RecordScope#TEAM}
 */
public record CurrentUser(
    UUID workspaceId,
    UUID id,
    String username,
    String displayName,
    Set<Role> roles,
    Set<Permission> permissions,
    @Nullable UUID teamId,
    List<UUID> teamIds,
    @Nullable String locale)
    implements Serializable {

  public CurrentUser {
    permissions = Set.copyOf(permissions);
  }

  public boolean can(Permission permission) {
    return permissions.contains(permission);
  }

  /**
   * The same check by the permission's name, for templates: {@code currentUser.can('ORDER_READ')},
   * as endpoints name it in {@code @PreAuthorize}.
   */
  public boolean can(String permission) {
    return permissions.stream().anyMatch(p -> p.name().equals(permission));
  }

  public RecordScope scope() {
    return roles.stream().map(Role::scope).max(Comparator.naturalOrder()).orElse(RecordScope.OWN);
  }

  /**
   * Whether this user may give records (customers, leads, orders) to {@code owner}: anyone for the
   * workspace-wide roles, the own teams' members for a manager, only oneself for a rep.
   */
  public boolean mayAssignTo(UserSummary owner) {
    return switch (scope()) {
      case WORKSPACE -> true;
      case TEAM ->
          owner.id().equals(id) || (owner.teamId() != null && teamIds.contains(owner.teamId()));
      case OWN -> owner.id().equals(id);
    };
  }
}
