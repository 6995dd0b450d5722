package org.guanxi.crm.sales.internal;

import java.util.Map;
import org.guanxi.crm.platform.CurrentUser;

/**
 * The leads a user may see, as a condition on {@code sales_lead l}: own ones for a sales rep; for a
 * manager those owned by the team (and the teams below) and the team's leads no one owns yet; all
 * of the workspace for the roles that serve everyone.
 */
record LeadVisibility(String sql, Map<String, Object> params) {

  static LeadVisibility of(CurrentUser user) {
    return switch (user.scope()) {
      case WORKSPACE -> new LeadVisibility("true", Map.of());
      case TEAM ->
          new LeadVisibility(
              // the owner's team as it is now, so that leads follow their owner to a new team
              "(l.owner_id = :viewer"
                  + " or l.owner_id in (select u.id from app_user u where u.team_id = any(cast(:viewerTeams as uuid[])))"
                  + " or (l.owner_id is null and l.team_id = any(cast(:viewerTeams as uuid[]))))",
              Map.of(
                  "viewer",
                  user.id(),
                  "viewerTeams",
                  user.teamIds().stream().map(Object::toString).toArray(String[]::new)));
      case OWN -> new LeadVisibility("l.owner_id = :viewer", Map.of("viewer", user.id()));
    };
  }
}
