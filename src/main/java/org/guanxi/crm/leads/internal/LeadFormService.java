package org.guanxi.crm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's public lead form: its settings, made on first use with a random key. */
@Service
class LeadFormService {

  static final String KIND = "lead form";

  private final LeadFormStore store;
  private final UserDirectory users;
  private final InputValidation validation;
  private final Clock clock;

  LeadFormService(
      LeadFormStore store, UserDirectory users, InputValidation validation, Clock clock) {
    this.store = store;
    this.users = users;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  LeadFormSettings settings() {
    return store.find().orElseGet(() -> store.create(clock.instant()));
  }

  @Transactional
  LeadFormSettings update(@Nullable Long expectedVersion, LeadFormDraft draft) {
    validation.check(draft);
    LeadFormSettings current = settings();
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    if (draft.defaultOwnerId() != null && draft.defaultTeamId() != null) {
      throw new InvalidInput(
          "defaultTeamId", "owner-or-team", "Give a default owner or a default team, not both");
    }
    if (draft.defaultOwnerId() != null
        && users.find(draft.defaultOwnerId()).filter(UserSummary::active).isEmpty()) {
      throw new InvalidInput("defaultOwnerId", "unknown-owner", "No active user with this id");
    }
    if (draft.defaultTeamId() != null && !users.teamExists(draft.defaultTeamId())) {
      throw new InvalidInput("defaultTeamId", "unknown-team", "No team with this id");
    }
    LeadFormSettings changed =
        new LeadFormSettings(
            Boolean.TRUE.equals(draft.enabled()),
            Boolean.TRUE.equals(draft.newKey()) ? LeadFormStore.newKey() : current.formKey(),
            draft.fields() == null || draft.fields().isEmpty()
                ? EnumSet.noneOf(LeadFormField.class)
                : EnumSet.copyOf(draft.fields()),
            FreeText.stripped(draft.thankYou()),
            draft.defaultOwnerId(),
            draft.defaultTeamId(),
            version);
    Instant now = clock.instant();
    StaleVersion.unless(store.update(changed, version, now), KIND, () -> settings().version());
    return settings();
  }

  List<LeadFormStore.TeamChoice> teams() {
    return store.teams();
  }

  List<UserSummary> owners() {
    return users.activeUsers();
  }
}
