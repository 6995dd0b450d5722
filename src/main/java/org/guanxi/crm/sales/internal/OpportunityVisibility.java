package org.guanxi.crm.sales.internal;

import java.util.Map;
import org.guanxi.crm.platform.CurrentUser;

/**
 * The deals a user may see and work on, as a condition on a table with {@code owner_id} and {@code
 * team_id} (deals, and the forecast's sums of them): own ones for a sales rep; for a manager also
 * those of the team's members (the team as it is now, so that deals follow their owner) and those
 * the team holds; every deal of the workspace for the roles that serve everyone. As with leads, a
 * deal's visibility follows its owner, not its customer's.
 */
record OpportunityVisibility(String sql, Map<String, Object> params) {

  static OpportunityVisibility of(CurrentUser user, String alias) {
    return switch (user.scope()) {
      case WORKSPACE -> new OpportunityVisibility("true", Map.of());
      case TEAM ->
          new OpportunityVisibility(
              ("(%1$s.owner_id = :viewer"
                      + " or %1$s.owner_id in (select u.id from app_user u where u.team_id = any(cast(:viewerTeams as uuid[])))"
                      + " or %1$s.team_id = any(cast(:viewerTeams as uuid[])))")
                  .formatted(alias),
              Map.of(
                  "viewer",
                  user.id(),
                  "viewerTeams",
                  user.teamIds().stream().map(Object::toString).toArray(String[]::new)));
      case OWN ->
          new OpportunityVisibility(alias + ".owner_id = :viewer", Map.of("viewer", user.id()));
    };
  }
}
