package org.guanxi.crm.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.guanxi.crm.customer.KeyAccountCustomers;
import org.guanxi.crm.keyaccounts.KeyAccountPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The key-account pages: the plans with their next review dates and overdue steps, and a plan with
 * its sections. Each change of a section writes the whole plan at the version the page showed; htmx
 * gets the plan's sections again, a plain form a redirect.
 */
@Controller
@RequestMapping("/key-accounts")
class KeyAccountPages {

  private static final int PAGE_SIZE = 50;

  /** The action of a section's form that adds an entry, and what a form without one does. */
  private static final String ADD = "add";

  private final KeyAccountPlanService plans;
  private final KeyAccountCustomers keyAccounts;

  KeyAccountPages(KeyAccountPlanService plans, KeyAccountCustomers keyAccounts) {
    this.plans = plans;
    this.keyAccounts = keyAccounts;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable Integer year,
      Model model) {
    showList(user, model, year, null);
    model.addAttribute("newYear", plans.today().getYear());
    return "keyaccounts/key-accounts";
  }

  /** The rows of the list: the year filter and the "more" button fetch these. */
  @GetMapping("/rows")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  String rows(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable Integer year,
      @RequestParam(required = false) @Nullable String cursor,
      Model model) {
    showList(user, model, year, cursor);
    return "keyaccounts/key-accounts :: rows";
  }

  @PostMapping
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(required = false) @Nullable Integer year,
      Model model) {
    try {
      KeyAccountPlanService.View created =
          plans.create(user, new KeyAccountPlanDraft(customerId, year, null, null, null, null));
      return "redirect:/key-accounts/" + created.plan().id();
    } catch (InvalidInput e) {
      model.addAttribute("problems", e.errors());
    } catch (KeyAccountPlanExists e) {
      model.addAttribute("existingPlan", e.planId());
    } catch (NotOnAccountTeam e) {
      model.addAttribute("problems", List.of(notOnTeam()));
    }
    showList(user, model, null, null);
    model.addAttribute("newYear", year == null ? plans.today().getYear() : year);
    model.addAttribute("newCustomerId", customerId);
    return "keyaccounts/key-accounts";
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    showPlan(user, id, model);
    return "keyaccounts/key-account";
  }

  /** A goal as the page's forms send it. */
  record GoalForm(
      @Nullable UUID goalId,
      @Nullable String description,
      @Nullable String targetAmount,
      @Nullable String currency,
      KeyAccountPlan.@Nullable GoalStatus status) {

    KeyAccountPlanDraft.GoalDraft added() {
      return new KeyAccountPlanDraft.GoalDraft(
          null,
          FreeText.stripped(description),
          amount(targetAmount),
          FreeText.stripped(currency),
          status);
    }
  }

  /** A stakeholder as the page's forms send it. */
  record StakeholderForm(
      @Nullable UUID stakeholderId,
      @Nullable String name,
      @Nullable String title,
      KeyAccountPlan.@Nullable BuyingRole buyingRole,
      KeyAccountPlan.@Nullable Attitude attitude,
      @Nullable UUID contactId) {

    KeyAccountPlanDraft.StakeholderDraft added() {
      return new KeyAccountPlanDraft.StakeholderDraft(
          null, FreeText.stripped(name), title, buyingRole, attitude, contactId);
    }
  }

  /** A next step as the page's forms send it. */
  record StepForm(
      @Nullable UUID stepId,
      @Nullable String description,
      @Nullable UUID ownerId,
      @Nullable LocalDate reviewDate) {

    KeyAccountPlanDraft.StepDraft added() {
      return new KeyAccountPlanDraft.StepDraft(
          null, FreeText.stripped(description), ownerId, reviewDate, false);
    }
  }

  @PostMapping("/{id}/goals")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addGoal(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = ADD) String action,
      GoalForm goal,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft -> withGoals(draft, added(action, draft.goalList(), goal::added)));
  }

  @PostMapping(path = "/{id}/goals", params = "action=status")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String setGoalStatus(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      GoalForm goal,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withGoals(
                draft,
                changed(
                    draft.goalList(),
                    KeyAccountPlanDraft.GoalDraft::id,
                    goal.goalId(),
                    g ->
                        new KeyAccountPlanDraft.GoalDraft(
                            g.id(),
                            g.description(),
                            g.targetAmount(),
                            g.currency(),
                            goal.status()))));
  }

  @PostMapping(path = "/{id}/goals", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeGoal(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable UUID goalId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withGoals(draft, without(draft.goalList(), KeyAccountPlanDraft.GoalDraft::id, goalId)));
  }

  @PostMapping("/{id}/stakeholders")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addStakeholder(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = ADD) String action,
      StakeholderForm stakeholder,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withStakeholders(draft, added(action, draft.stakeholderList(), stakeholder::added)));
  }

  @PostMapping(path = "/{id}/stakeholders", params = "action=attitude")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String setStakeholderAttitude(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      StakeholderForm stakeholder,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withStakeholders(
                draft,
                changed(
                    draft.stakeholderList(),
                    KeyAccountPlanDraft.StakeholderDraft::id,
                    stakeholder.stakeholderId(),
                    s ->
                        new KeyAccountPlanDraft.StakeholderDraft(
                            s.id(),
                            s.name(),
                            s.title(),
                            s.buyingRole(),
                            stakeholder.attitude(),
                            s.contactId()))));
  }

  @PostMapping(path = "/{id}/stakeholders", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeStakeholder(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable UUID stakeholderId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withStakeholders(
                draft,
                without(
                    draft.stakeholderList(),
                    KeyAccountPlanDraft.StakeholderDraft::id,
                    stakeholderId)));
  }

  @PostMapping("/{id}/team")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addMember(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = ADD) String action,
      @RequestParam(required = false) @Nullable UUID userId,
      KeyAccountPlan.@Nullable TeamRole role,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withTeam(
                draft,
                added(
                    action,
                    draft.teamList(),
                    () -> new KeyAccountPlanDraft.MemberDraft(userId, role))));
  }

  @PostMapping(path = "/{id}/team", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeMember(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable UUID userId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withTeam(
                draft, without(draft.teamList(), KeyAccountPlanDraft.MemberDraft::userId, userId)));
  }

  @PostMapping("/{id}/steps")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addStep(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = ADD) String action,
      StepForm step,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft -> withSteps(draft, added(action, draft.stepList(), step::added)));
  }

  /** Marks a step done ({@code action=done}) or not done ({@code action=reopen}). */
  @PostMapping(
      path = "/{id}/steps",
      params = {"action", "action!=add", "action!=remove"})
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String markStep(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam String action,
      @RequestParam(required = false) @Nullable UUID stepId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft -> {
          if (!action.equals("done") && !action.equals("reopen")) {
            throw unknownAction();
          }
          return withSteps(
              draft,
              changed(
                  draft.stepList(),
                  KeyAccountPlanDraft.StepDraft::id,
                  stepId,
                  s ->
                      new KeyAccountPlanDraft.StepDraft(
                          s.id(),
                          s.description(),
                          s.ownerId(),
                          s.reviewDate(),
                          action.equals("done"))));
        });
  }

  @PostMapping(path = "/{id}/steps", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeStep(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(required = false) @Nullable UUID stepId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        new Edit(user, id, version, htmx, model),
        draft ->
            withSteps(draft, without(draft.stepList(), KeyAccountPlanDraft.StepDraft::id, stepId)));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String delete(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      Model model) {
    try {
      plans.delete(user, id, version);
      return "redirect:/key-accounts";
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
      showPlan(user, id, model);
      return "keyaccounts/key-account";
    }
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "keyaccounts/key-account-not-found";
  }

  @ExceptionHandler(NotOnAccountTeam.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notOnTeam(Model model) {
    return "keyaccounts/key-account-refused";
  }

  /** A change of a plan's section that the user sent from the plan's page. */
  private record Edit(
      CurrentUser user, UUID id, long version, @Nullable String htmx, Model model) {}

  /**
   * Writes the plan changed by {@code change} at the version the page showed: a refused or stale
   * change shows the plan as it is with what went wrong, and nothing is saved.
   */
  private String change(Edit edit, UnaryOperator<KeyAccountPlanDraft> change) {
    try {
      KeyAccountPlanService.View current = plans.editable(edit.user(), edit.id(), edit.version());
      plans.replace(edit.user(), edit.id(), edit.version(), change.apply(current.plan().draft()));
      if (edit.htmx() == null) {
        return "redirect:/key-accounts/" + edit.id();
      }
    } catch (StaleVersion e) {
      edit.model().addAttribute("conflict", true);
    } catch (InvalidInput e) {
      edit.model().addAttribute("problems", e.errors());
    }
    showPlan(edit.user(), edit.id(), edit.model());
    return edit.htmx() == null ? "keyaccounts/key-account" : "keyaccounts/key-account :: plan";
  }

  /** The section's entries with a new one, when the form asks to add one. */
  private static <T> List<T> added(String action, List<T> entries, Supplier<T> entry) {
    if (!ADD.equals(action)) {
      throw unknownAction();
    }
    List<T> added = new ArrayList<>(entries);
    added.add(entry.get());
    return added;
  }

  /** The section's entries with the one whose id is {@code id} changed. */
  private static <T> List<T> changed(
      List<T> entries,
      Function<T, @Nullable UUID> idOf,
      @Nullable UUID id,
      UnaryOperator<T> change) {
    return entries.stream().map(e -> isEntry(e, idOf, id) ? change.apply(e) : e).toList();
  }

  /** The section's entries without the one whose id is {@code id}. */
  private static <T> List<T> without(
      List<T> entries, Function<T, @Nullable UUID> idOf, @Nullable UUID id) {
    return entries.stream().filter(e -> !isEntry(e, idOf, id)).toList();
  }

  private static <T> boolean isEntry(T entry, Function<T, @Nullable UUID> idOf, @Nullable UUID id) {
    UUID entryId = idOf.apply(entry);
    return entryId != null && entryId.equals(id);
  }

  private static KeyAccountPlanDraft withGoals(
      KeyAccountPlanDraft d, List<KeyAccountPlanDraft.GoalDraft> goals) {
    return new KeyAccountPlanDraft(
        d.customerId(), d.year(), goals, d.stakeholders(), d.team(), d.steps());
  }

  private static KeyAccountPlanDraft withStakeholders(
      KeyAccountPlanDraft d, List<KeyAccountPlanDraft.StakeholderDraft> stakeholders) {
    return new KeyAccountPlanDraft(
        d.customerId(), d.year(), d.goals(), stakeholders, d.team(), d.steps());
  }

  private static KeyAccountPlanDraft withTeam(
      KeyAccountPlanDraft d, List<KeyAccountPlanDraft.MemberDraft> team) {
    return new KeyAccountPlanDraft(
        d.customerId(), d.year(), d.goals(), d.stakeholders(), team, d.steps());
  }

  private static KeyAccountPlanDraft withSteps(
      KeyAccountPlanDraft d, List<KeyAccountPlanDraft.StepDraft> steps) {
    return new KeyAccountPlanDraft(
        d.customerId(), d.year(), d.goals(), d.stakeholders(), d.team(), steps);
  }

  private void showPlan(CurrentUser user, UUID id, Model model) {
    KeyAccountPlanService.View view = plans.get(user, id);
    model.addAttribute("plan", KeyAccountPlanResource.of(view, plans.today()));
    model.addAttribute("contacts", view.contacts().values());
    model.addAttribute("colleagues", view.editable() ? plans.colleagues() : List.of());
    model.addAttribute("goalStatuses", KeyAccountPlan.GoalStatus.values());
    model.addAttribute("buyingRoles", KeyAccountPlan.BuyingRole.values());
    model.addAttribute("attitudes", KeyAccountPlan.Attitude.values());
    model.addAttribute("teamRoles", KeyAccountPlan.TeamRole.values());
    model.addAttribute("today", plans.today());
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", List.of());
    }
  }

  private void showList(
      CurrentUser user, Model model, @Nullable Integer year, @Nullable String cursor) {
    KeyAccountPlanService.Page page = plans.list(user, null, year, cursor, PAGE_SIZE);
    model.addAttribute("year", year);
    model.addAttribute(
        "rows", page.items().stream().map(KeyAccountPlanResource.Summary::of).toList());
    model.addAttribute("nextCursor", page.nextCursor());
    model.addAttribute("today", plans.today());
    model.addAttribute(
        "candidates",
        user.can(KeyAccountPermissions.KEY_ACCOUNT_WRITE)
            ? keyAccounts.visible(user, null, KeyAccountCustomers.MAX_LIMIT).stream()
                .filter(customer -> plans.mayPlan(user, customer))
                .toList()
            : List.of());
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", List.of());
    }
  }

  private static @Nullable BigDecimal amount(@Nullable String text) {
    String amount = FreeText.stripped(text);
    if (amount == null) {
      return null;
    }
    try {
      return new BigDecimal(amount.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new InvalidInput("targetAmount", "invalid-amount", "Not an amount, such as 1200000");
    }
  }

  private static InvalidInput unknownAction() {
    return new InvalidInput("action", "unknown-action", "Not a change this page makes");
  }

  private static InvalidInput.FieldError notOnTeam() {
    return new InvalidInput.FieldError(
        "customerId",
        "not-on-account-team",
        "Only the customer's owner and managers start its plan");
  }
}
