package org.guanxi.crm.platform;

import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as every module sees it.
 *
 * @param teamIds the user's team and every team below it, for {@link RecordScope#TEAM}
 */
public record CurrentUser(
    UUID workspaceId,
    UUID id,
    String username,
    String displayName,
    Set<Role> roles,
    @Nullable UUID teamId,
    List<UUID> teamIds,
    @Nullable String locale)
    implements Serializable {

  public boolean can(Permission permission) {
    return roles.stream().anyMatch(role -> role.permissions().contains(permission));
  }

  public Set<Permission> permissions() {
    Set<Permission> all = EnumSet.noneOf(Permission.class);
    roles.forEach(role -> all.addAll(role.permissions()));
    return all;
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
