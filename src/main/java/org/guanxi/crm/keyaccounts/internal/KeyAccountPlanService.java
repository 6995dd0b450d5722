package org.guanxi.crm.keyaccounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.ContactSummary;
import org.guanxi.crm.customer.CustomerContacts;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.keyaccounts.KeyAccountPermissions;
import org.guanxi.crm.keyaccounts.KeyAccountStepAgreed;
import org.guanxi.crm.keyaccounts.KeyAccountStepDone;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key-account plans under the customer's visibility: whoever may see a key customer reads its
 * plans; its owner, managers (and administrators) and the plan's account team change them. A plan
 * is written as a whole at the version the writer read; agreed and finished steps go on the
 * customer's timeline.
 */
@Service
class KeyAccountPlanService {

  static final String KIND = "key-account plan";
  private static final String DEFAULT_CURRENCY = Currencies.DEFAULT;

  /**
   * A plan with what its reader sees with it.
   *
   * @param contacts the customer's contacts, by id, for the stakeholders' links
   * @param editable whether the reader may change the plan
   */
  record View(
      KeyAccountPlan plan,
      CustomerSummary customer,
      Map<UUID, ContactSummary> contacts,
      boolean editable) {}

  /** A plan as the list shows it, with its customer's name. */
  record Listed(KeyAccountPlanStore.Listed plan, String customerName) {}

  record Page(List<Listed> items, @Nullable String nextCursor) {}

  private final KeyAccountPlanStore store;
  private final Customers customers;
  private final CustomerContacts contacts;
  private final UserDirectory users;
  private final InputValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkspaceTime time;

  KeyAccountPlanService(
      KeyAccountPlanStore store,
      Customers customers,
      CustomerContacts contacts,
      UserDirectory users,
      InputValidation validation,
      ApplicationEventPublisher events,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.customers = customers;
    this.contacts = contacts;
    this.users = users;
    this.validation = validation;
    this.events = events;
    this.clock = clock;
    this.time = time;
  }

  LocalDate today() {
    return time.today();
  }

  /** A plan whose customer the user may see (not deleted); {@link RecordNotFound} otherwise. */
  View get(CurrentUser user, UUID id) {
    KeyAccountPlan plan = store.find(id).orElseThrow(() -> new RecordNotFound(KIND, id));
    CustomerSummary customer =
        customers.find(user, plan.customerId()).orElseThrow(() -> new RecordNotFound(KIND, id));
    Map<UUID, ContactSummary> contactsById =
        contacts.of(user, customer.id()).stream()
            .collect(Collectors.toMap(ContactSummary::id, Function.identity()));
    return new View(plan, customer, contactsById, mayEdit(user, customer, plan));
  }

  Page list(
      CurrentUser user,
      @Nullable UUID customerId,
      @Nullable Integer year,
      @Nullable String cursor,
      int limit) {
    KeyAccountPlanStore.Page page =
        store.list(
            customers.visibleCustomers(user, "p.customer_id"),
            new KeyAccountPlanStore.Query(customerId, year, today(), cursor, limit));
    List<Listed> items = new ArrayList<>();
    for (KeyAccountPlanStore.Listed plan : page.items()) {
      customers
          .find(user, plan.customerId())
          .ifPresent(customer -> items.add(new Listed(plan, customer.name())));
    }
    return new Page(items, page.nextCursor());
  }

  /**
   * Whether the user may start a plan for this customer: a key account the user may see, owned by
   * the user or seen as a manager.
   */
  boolean mayPlan(CurrentUser user, CustomerSummary customer) {
    return customer.classification() == Classification.KEY_ACCOUNT && mayEdit(user, customer, null);
  }

  @Transactional
  View create(CurrentUser user, KeyAccountPlanDraft draft) {
    validation.check(draft);
    if (draft.customerId() == null) {
      throw new InvalidInput("customerId", "required", "Name the key customer of the plan");
    }
    CustomerSummary customer =
        customers
            .find(user, draft.customerId())
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "customerId", "unknown-customer", "No customer you may see has this id"));
    if (customer.classification() != Classification.KEY_ACCOUNT) {
      throw new InvalidInput(
          "customerId",
          "not-a-key-account",
          "Plans are made for customers classified as key accounts");
    }
    if (!mayEdit(user, customer, null)) {
      throw new NotOnAccountTeam(customer.id());
    }
    int year = draft.year() == null ? today().getYear() : draft.year();
    yearFree(customer.id(), year);
    Instant now = now();
    KeyAccountPlan plan = build(user, customer, null, Ids.newId(), year, draft, now);
    if (!store.insert(plan)) {
      // another request created the year's plan since the check above
      throw new KeyAccountPlanExists(
          customer.id(), year, store.idOf(customer.id(), year).orElse(plan.id()));
    }
    publishSteps(user, null, plan, now);
    return get(user, plan.id());
  }

  /**
   * Replaces the plan with the draft, when the user may change it and it is still at {@code
   * expectedVersion}.
   */
  @Transactional
  View replace(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, KeyAccountPlanDraft draft) {
    if (expectedVersion == null) {
      throw new WholePlanVersionRequired();
    }
    validation.check(draft);
    View current = editable(user, id, expectedVersion);
    KeyAccountPlan before = current.plan();
    if (draft.customerId() != null && !draft.customerId().equals(before.customerId())) {
      throw new InvalidInput(
          "customerId", "customer-fixed", "A plan stays with its customer; start a new one");
    }
    int year = draft.year() == null ? before.year() : draft.year();
    if (year != before.year()) {
      yearFree(before.customerId(), year);
    }
    Instant now = now();
    KeyAccountPlan plan = build(user, current.customer(), before, id, year, draft, now);
    StaleVersion.unless(
        store.replace(plan, before.version()), KIND, () -> get(user, id).plan().version());
    publishSteps(user, before, plan, now);
    return get(user, id);
  }

  @Transactional
  void delete(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    View current = editable(user, id, expectedVersion);
    StaleVersion.unless(
        store.delete(id, current.plan().version()), KIND, () -> get(user, id).plan().version());
  }

  /** A plan the user may see and change, still at the version the user read (when given). */
  View editable(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    View current = get(user, id);
    if (!current.editable()) {
      throw new NotOnAccountTeam(current.customer().id());
    }
    StaleVersion.check(KIND, expectedVersion, current.plan().version());
    return current;
  }

  /** Active users of the workspace, who may join account teams and own steps. */
  List<UserSummary> colleagues() {
    return users.activeUsers();
  }

  private boolean mayEdit(
      CurrentUser user, CustomerSummary customer, @Nullable KeyAccountPlan plan) {
    if (!user.can(KeyAccountPermissions.KEY_ACCOUNT_WRITE)) {
      return false;
    }
    return user.id().equals(customer.ownerId())
        || user.roles().contains(Role.MANAGER)
        || user.roles().contains(Role.ADMINISTRATOR)
        || (plan != null && plan.hasMember(user.id()));
  }

  /**
   * The plan the draft describes, its references checked: parts that name an id must be parts of
   * the plan already; contacts must be the customer's; team members and step owners active users
   * (or already there).
   */
  private KeyAccountPlan build(
      CurrentUser user,
      CustomerSummary customer,
      @Nullable KeyAccountPlan before,
      UUID id,
      int year,
      KeyAccountPlanDraft draft,
      Instant now) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    Map<UUID, KeyAccountPlan.Goal> goalsBefore = byId(before, KeyAccountPlan::goals, g -> g.id());
    Map<UUID, KeyAccountPlan.Stakeholder> stakeholdersBefore =
        byId(before, KeyAccountPlan::stakeholders, s -> s.id());
    Map<UUID, KeyAccountPlan.Step> stepsBefore = byId(before, KeyAccountPlan::steps, s -> s.id());
    Set<UUID> membersBefore =
        before == null
            ? Set.of()
            : before.team().stream().map(KeyAccountPlan.Member::userId).collect(Collectors.toSet());
    Set<UUID> contactIds =
        contacts.of(user, customer.id()).stream()
            .map(ContactSummary::id)
            .collect(Collectors.toSet());
    Map<UUID, Optional<UserSummary>> directory = new HashMap<>();

    List<KeyAccountPlan.Goal> goals = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    List<KeyAccountPlanDraft.GoalDraft> goalDrafts = draft.goalList();
    for (int i = 0; i < goalDrafts.size(); i++) {
      KeyAccountPlanDraft.GoalDraft goal = goalDrafts.get(i);
      UUID goalId = partId(goal.id(), goalsBefore.keySet(), seen, "goals[" + i + "].id", errors);
      goals.add(
          new KeyAccountPlan.Goal(
              goalId,
              goal.description().strip(),
              goal.targetAmount(),
              goal.targetAmount() == null
                  ? null
                  : goal.currency() == null ? DEFAULT_CURRENCY : goal.currency(),
              goal.status() == null ? KeyAccountPlan.GoalStatus.OPEN : goal.status()));
    }

    List<KeyAccountPlan.Stakeholder> stakeholders = new ArrayList<>();
    List<KeyAccountPlanDraft.StakeholderDraft> stakeholderDrafts = draft.stakeholderList();
    for (int i = 0; i < stakeholderDrafts.size(); i++) {
      KeyAccountPlanDraft.StakeholderDraft stakeholder = stakeholderDrafts.get(i);
      UUID stakeholderId =
          partId(
              stakeholder.id(),
              stakeholdersBefore.keySet(),
              seen,
              "stakeholders[" + i + "].id",
              errors);
      if (stakeholder.contactId() != null && !contactIds.contains(stakeholder.contactId())) {
        errors.add(
            new InvalidInput.FieldError(
                "stakeholders[" + i + "].contactId",
                "unknown-contact",
                "Not a contact of this customer"));
      }
      stakeholders.add(
          new KeyAccountPlan.Stakeholder(
              stakeholderId,
              stakeholder.name().strip(),
              FreeText.stripped(stakeholder.title()),
              stakeholder.buyingRole(),
              stakeholder.attitude(),
              stakeholder.contactId()));
    }

    List<KeyAccountPlan.Member> team = new ArrayList<>();
    Set<UUID> members = new HashSet<>();
    List<KeyAccountPlanDraft.MemberDraft> memberDrafts = draft.teamList();
    for (int i = 0; i < memberDrafts.size(); i++) {
      KeyAccountPlanDraft.MemberDraft member = memberDrafts.get(i);
      String field = "team[" + i + "].userId";
      if (!members.add(member.userId())) {
        errors.add(
            new InvalidInput.FieldError(field, "member-twice", "A colleague is in the team once"));
        continue;
      }
      UserSummary colleague =
          colleague(member.userId(), membersBefore.contains(member.userId()), directory);
      if (colleague == null) {
        errors.add(
            new InvalidInput.FieldError(field, "unknown-user", "No active user has this id"));
        continue;
      }
      team.add(new KeyAccountPlan.Member(colleague.id(), colleague.displayName(), member.role()));
    }

    List<KeyAccountPlan.Step> steps = new ArrayList<>();
    List<KeyAccountPlanDraft.StepDraft> stepDrafts = draft.stepList();
    for (int i = 0; i < stepDrafts.size(); i++) {
      KeyAccountPlanDraft.StepDraft step = stepDrafts.get(i);
      UUID stepId = partId(step.id(), stepsBefore.keySet(), seen, "steps[" + i + "].id", errors);
      KeyAccountPlan.Step previous = stepsBefore.get(stepId);
      UserSummary owner =
          colleague(
              step.ownerId(),
              previous != null && previous.ownerId().equals(step.ownerId()),
              directory);
      if (owner == null) {
        errors.add(
            new InvalidInput.FieldError(
                "steps[" + i + "].ownerId", "unknown-user", "No active user has this id"));
        continue;
      }
      Instant doneAt =
          !step.isDone()
              ? null
              : previous != null && previous.done() && previous.doneAt() != null
                  ? previous.doneAt()
                  : now;
      steps.add(
          new KeyAccountPlan.Step(
              stepId,
              step.description().strip(),
              owner.id(),
              owner.displayName(),
              step.reviewDate(),
              step.isDone(),
              doneAt));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    return new KeyAccountPlan(
        id,
        customer.id(),
        year,
        goals,
        stakeholders,
        team,
        steps,
        before == null ? user.id() : before.createdBy(),
        before == null ? now : before.createdAt(),
        now,
        before == null ? 0 : before.version());
  }

  /** The id of a part: the one it has when it is a part of the plan, a new one when it has none. */
  private static UUID partId(
      @Nullable UUID requested,
      Set<UUID> existing,
      Set<UUID> seen,
      String field,
      List<InvalidInput.FieldError> errors) {
    if (requested == null) {
      return Ids.newId();
    }
    if (!existing.contains(requested) || !seen.add(requested)) {
      errors.add(
          new InvalidInput.FieldError(
              field, "unknown-part", "Not a part of this plan; leave the id out for a new one"));
    }
    return requested;
  }

  /** An active user, or a user already named there (who may have been deactivated since). */
  private @Nullable UserSummary colleague(
      UUID userId, boolean alreadyThere, Map<UUID, Optional<UserSummary>> directory) {
    return directory
        .computeIfAbsent(userId, users::find)
        .filter(u -> u.active() || alreadyThere)
        .orElse(null);
  }

  private static <T> Map<UUID, T> byId(
      @Nullable KeyAccountPlan plan,
      Function<KeyAccountPlan, List<T>> parts,
      Function<T, UUID> id) {
    return plan == null
        ? Map.of()
        : parts.apply(plan).stream().collect(Collectors.toMap(id, Function.identity()));
  }

  /** Puts newly agreed steps and newly finished ones on the customer's timeline. */
  private void publishSteps(
      CurrentUser user, @Nullable KeyAccountPlan before, KeyAccountPlan after, Instant now) {
    Map<UUID, KeyAccountPlan.Step> previous = byId(before, KeyAccountPlan::steps, s -> s.id());
    for (KeyAccountPlan.Step step : after.steps()) {
      KeyAccountPlan.Step was = previous.get(step.id());
      if (was == null && !step.done()) {
        events.publishEvent(
            new KeyAccountStepAgreed(
                user.workspaceId(),
                after.id(),
                after.customerId(),
                step.description(),
                step.reviewDate(),
                now,
                user.displayName()));
      } else if (step.done() && (was == null || !was.done())) {
        events.publishEvent(
            new KeyAccountStepDone(
                user.workspaceId(),
                after.id(),
                after.customerId(),
                step.description(),
                now,
                user.displayName()));
      }
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A customer has one plan a year at most: a plan for a year that has one is refused. */
  private void yearFree(UUID customerId, int year) {
    store
        .idOf(customerId, year)
        .ifPresent(
            existing -> {
              throw new KeyAccountPlanExists(customerId, year, existing);
            });
  }
}
