package org.guanxi.crm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Managing the assignment rules: each names a user or a team, in an order. */
@Service
class LeadAssignmentRules {

  static final String KIND = "lead assignment rule";

  private final LeadAssignmentStore store;
  private final UserDirectory users;
  private final InputValidation validation;
  private final Clock clock;

  LeadAssignmentRules(
      LeadAssignmentStore store, UserDirectory users, InputValidation validation, Clock clock) {
    this.store = store;
    this.users = users;
    this.validation = validation;
    this.clock = clock;
  }

  List<LeadAssignmentRule> all() {
    return store.rules();
  }

  LeadAssignmentRule get(UUID id) {
    return store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  @Transactional
  LeadAssignmentRule create(LeadAssignmentRuleDraft draft) {
    check(draft);
    int position = draft.position() == null ? store.nextPosition() : draft.position();
    LeadAssignmentRule rule = rule(Ids.newId(), position, draft, clock.instant(), 0);
    store.insert(rule);
    return get(rule.id());
  }

  @Transactional
  LeadAssignmentRule update(
      UUID id, @Nullable Long expectedVersion, LeadAssignmentRuleDraft draft) {
    LeadAssignmentRule current = get(id);
    check(draft);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    int position = draft.position() == null ? current.position() : draft.position();
    LeadAssignmentRule changed = rule(id, position, draft, current.createdAt(), version);
    StaleVersion.unless(store.update(changed, version), KIND, () -> current.version());
    return get(id);
  }

  @Transactional
  void delete(UUID id, @Nullable Long expectedVersion) {
    LeadAssignmentRule current = get(id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.delete(id, version), KIND, () -> current.version());
  }

  private void check(LeadAssignmentRuleDraft draft) {
    validation.check(draft);
    if ((draft.userId() == null) == (draft.teamId() == null)) {
      throw new InvalidInput("userId", "user-or-team", "Assign to a user or to a team");
    }
    if (draft.userId() != null
        && users.find(draft.userId()).filter(UserSummary::active).isEmpty()) {
      throw new InvalidInput("userId", "unknown-user", "No active user with this id");
    }
    if (draft.teamId() != null && !users.teamExists(draft.teamId())) {
      throw new InvalidInput("teamId", "unknown-team", "No team with this id");
    }
  }

  /** The rule a draft describes, at {@code position}, its city and industry stripped. */
  private static LeadAssignmentRule rule(
      UUID id, int position, LeadAssignmentRuleDraft draft, Instant createdAt, long version) {
    return new LeadAssignmentRule(
        id,
        position,
        FreeText.stripped(draft.city()),
        FreeText.stripped(draft.industry()),
        draft.userId(),
        draft.teamId(),
        createdAt,
        version);
  }
}
