package org.guanxi.crm.leads.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides who gets a lead that came in without an owner: the first assignment rule that matches the
 * lead's city/region and industry, else the default of where it came from (the web form's owner or
 * team). A user must be active; a team's lead goes in turn to its active sales reps, or to the team
 * alone when it has none.
 */
@Component
class LeadAssignment {

  /** Who a lead goes to: a user (and the user's team), a team only, or no one yet. */
  record Assignee(@Nullable UUID ownerId, @Nullable UUID teamId) {

    static final Assignee NO_ONE = new Assignee(null, null);
  }

  private final LeadAssignmentStore store;
  private final UserDirectory users;

  LeadAssignment(LeadAssignmentStore store, UserDirectory users) {
    this.store = store;
    this.users = users;
  }

  /** Runs in the caller's transaction, which holds the team's turn until it ends. */
  Assignee assign(
      @Nullable String city,
      @Nullable String industry,
      @Nullable UUID defaultOwnerId,
      @Nullable UUID defaultTeamId) {
    return assigner().assign(city, industry, defaultOwnerId, defaultTeamId);
  }

  /**
   * The rules as they are now, to assign many leads in one transaction (an import) without reading
   * the rules and the users again for each lead.
   */
  Assigner assigner() {
    return new Assigner(store.rules());
  }

  /** Assigns leads by rules read once; the users it looks up are remembered. */
  final class Assigner {

    private final List<LeadAssignmentRule> rules;
    private final Map<UUID, Optional<UserSummary>> known = new HashMap<>();

    private Assigner(List<LeadAssignmentRule> rules) {
      this.rules = rules;
    }

    Assignee assign(
        @Nullable String city,
        @Nullable String industry,
        @Nullable UUID defaultOwnerId,
        @Nullable UUID defaultTeamId) {
      for (LeadAssignmentRule rule : rules) {
        if (rule.matches(city, industry)) {
          Assignee assignee = to(rule.userId(), rule.teamId());
          if (assignee != null) {
            return assignee;
          }
        }
      }
      Assignee fallback = to(defaultOwnerId, defaultTeamId);
      return fallback == null ? Assignee.NO_ONE : fallback;
    }

    /** The user when active, or the team's next rep; null when the user is no longer active. */
    private @Nullable Assignee to(@Nullable UUID userId, @Nullable UUID teamId) {
      if (userId != null) {
        return known
            .computeIfAbsent(userId, users::find)
            .filter(UserSummary::active)
            .map(user -> new Assignee(user.id(), user.teamId()))
            .orElse(null);
      }
      if (teamId != null) {
        return new Assignee(store.nextRep(teamId), teamId);
      }
      return null;
    }
  }
}
