package org.guanxi.crm.sales.internal;

import java.util.UUID;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Decides who gets a lead that came in without an owner. */
@Component
class LeadAssignment {

  /** Who a lead goes to: a user (and the user's team), a team only, or no one yet. */
  record Assignee(@Nullable UUID ownerId, @Nullable UUID teamId) {

    static final Assignee NO_ONE = new Assignee(null, null);
  }

  private final UserDirectory users;

  LeadAssignment(UserDirectory users) {
    this.users = users;
  }

  /** The default owner when still active, else the default team. */
  Assignee assign(LeadDraft lead, @Nullable UUID defaultOwnerId, @Nullable UUID defaultTeamId) {
    if (defaultOwnerId != null) {
      UserSummary owner = users.find(defaultOwnerId).filter(UserSummary::active).orElse(null);
      if (owner != null) {
        return new Assignee(owner.id(), owner.teamId());
      }
    }
    return defaultTeamId == null ? Assignee.NO_ONE : new Assignee(null, defaultTeamId);
  }
}
