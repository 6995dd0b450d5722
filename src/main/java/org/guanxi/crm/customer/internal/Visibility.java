package org.guanxi.crm.customer.internal;

import java.util.Map;
import org.guanxi.crm.platform.CurrentUser;

/**
 * The customers a user may see, as a condition on {@code customer c}: own and shared ones for a
 * sales rep, the team's (and the teams below) for a manager, all of the workspace for the roles
 * that serve everyone. Customers in the pool have no owner, and a share does not show them either:
 * reps and managers see them only through the pool ({@link PoolStore}), without personal data.
 */
record Visibility(String sql, Map<String, Object> params) {

  private static final String OWN_OR_SHARED =
      "c.owner_id = :viewer or (c.pooled_at is null and exists (select 1 from customer_share s where s.customer_id = c.id and s.user_id = :viewer))";

  static Visibility of(CurrentUser user) {
    return switch (user.scope()) {
      case WORKSPACE -> new Visibility("true", Map.of());
      case TEAM ->
          new Visibility(
              // the owner's team as it is now, so that customers follow their owner when the owner
              // changes team
              "(c.owner_id in (select u.id from app_user u where u.team_id = any(cast(:viewerTeams as uuid[]))) or "
                  + OWN_OR_SHARED
                  + ")",
              Map.of(
                  "viewer",
                  user.id(),
                  "viewerTeams",
                  user.teamIds().stream().map(Object::toString).toArray(String[]::new)));
      case OWN -> new Visibility("(" + OWN_OR_SHARED + ")", Map.of("viewer", user.id()));
    };
  }
}
