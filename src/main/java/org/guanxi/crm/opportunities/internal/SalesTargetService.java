package org.guanxi.crm.opportunities.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.ExchangeRates;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly sales targets: a manager sets them for the reps they may give records to (an
 * administrator for anyone); each sees the targets of the people whose deals they see.
 */
@Service
class SalesTargetService {

  static final String KIND = "sales target";

  private final SalesTargetStore store;
  private final UserDirectory users;
  private final ExchangeRates rates;
  private final InputValidation validation;
  private final Clock clock;
  private final WorkspaceTime time;

  SalesTargetService(
      SalesTargetStore store,
      UserDirectory users,
      ExchangeRates rates,
      InputValidation validation,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.users = users;
    this.rates = rates;
    this.validation = validation;
    this.clock = clock;
    this.time = time;
  }

  @Transactional
  SalesTarget set(CurrentUser user, SalesTargetDraft draft) {
    validation.check(draft);
    UserSummary rep = rep(user, draft.userId());
    UUID id = Ids.newId();
    store
        .insert(id, draft, currency(draft), rep.teamId(), user.id(), clock.instant())
        .ifPresent(
            existing -> {
              throw new SalesTargetExists(draft.month(), existing);
            });
    return get(user, id);
  }

  SalesTarget get(CurrentUser user, UUID id) {
    return store.find(visible(user), id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** The targets the user sees of a month (this month unless said), of one rep when asked. */
  List<SalesTarget> ofMonth(CurrentUser user, @Nullable YearMonth month, @Nullable UUID userId) {
    return store.ofMonth(
        visible(user), month == null ? YearMonth.from(time.today()) : month, userId);
  }

  /** Changes the amount (the rep and month stay) of a target the user may set. */
  @Transactional
  SalesTarget update(CurrentUser user, UUID id, long expectedVersion, SalesTargetDraft draft) {
    validation.check(draft);
    SalesTarget current = get(user, id);
    rep(user, current.userId());
    if (!draft.userId().equals(current.userId()) || !draft.month().equals(current.month())) {
      throw new InvalidInput("month", "target-fixed", "A target stays with its rep and month");
    }
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(
        store.update(id, version, draft, currency(draft), clock.instant()),
        KIND,
        () -> get(user, id).version());
    return get(user, id);
  }

  @Transactional
  void delete(CurrentUser user, UUID id, long expectedVersion) {
    SalesTarget current = get(user, id);
    rep(user, current.userId());
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.delete(id, version), KIND, () -> get(user, id).version());
  }

  private static RecordAccess.Condition visible(CurrentUser user) {
    return RecordAccess.visible(user, SalesTargetStore.HOLDING);
  }

  /** The rep, if the user may set their targets: someone the user may give records to. */
  private UserSummary rep(CurrentUser user, UUID userId) {
    try {
      return users.assignableBy(user, userId, "sales targets");
    } catch (InvalidInput e) {
      InvalidInput.FieldError error = e.errors().get(0);
      throw new InvalidInput("userId", error.code(), error.message());
    }
  }

  private String currency(SalesTargetDraft draft) {
    return draft.currency() == null ? rates.baseCurrency() : draft.currency();
  }
}
