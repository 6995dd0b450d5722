package org.guanxi.crm.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.guanxi.crm.customer.KeyAccountCustomers;
import org.guanxi.crm.keyaccounts.KeyAccountPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
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

  /** The filter of the list: the year of the plans. */
  record Filter(@Nullable Integer year) {}

  /** The list, or its rows ({@code /rows}): the year filter and the "more" button fetch these. */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_READ')")
  String list(ListRows list, Filter filter) {
    CurrentUser user = list.user();
    Model model = list.model();
    KeyAccountPlanService.Page page =
        plans.list(user, null, filter.year(), list.cursor(), PAGE_SIZE);
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
    if (!model.containsAttribute("newYear")) {
      model.addAttribute("newYear", plans.today().getYear());
    }
    return list.show(
        "keyaccounts/key-accounts",
        filter,
        page.items().stream().map(KeyAccountPlanResource.Summary::of).toList(),
        page.nextCursor());
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
    model.addAttribute("newYear", year == null ? plans.today().getYear() : year);
    model.addAttribute("newCustomerId", customerId);
    return list(ListRows.page(user, model), new Filter(null));
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

    /** The goal with the status of the form. */
    KeyAccountPlanDraft.GoalDraft withStatus(KeyAccountPlanDraft.GoalDraft g) {
      return new KeyAccountPlanDraft.GoalDraft(
          g.id(), g.description(), g.targetAmount(), g.currency(), status);
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

    /** The stakeholder with the attitude of the form. */
    KeyAccountPlanDraft.StakeholderDraft withAttitude(KeyAccountPlanDraft.StakeholderDraft s) {
      return new KeyAccountPlanDraft.StakeholderDraft(
          s.id(), s.name(), s.title(), s.buyingRole(), attitude, s.contactId());
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
      PageChange change, @RequestParam(defaultValue = ADD) String action, GoalForm goal) {
    return change(change, GOALS.added(action, goal::added));
  }

  @PostMapping(path = "/{id}/goals", params = "action=status")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String setGoalStatus(PageChange change, GoalForm goal) {
    return change(change, GOALS.changed(goal.goalId(), goal::withStatus));
  }

  @PostMapping(path = "/{id}/goals", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeGoal(PageChange change, @RequestParam(required = false) @Nullable UUID goalId) {
    return change(change, GOALS.without(goalId));
  }

  @PostMapping("/{id}/stakeholders")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addStakeholder(
      PageChange change,
      @RequestParam(defaultValue = ADD) String action,
      StakeholderForm stakeholder) {
    return change(change, STAKEHOLDERS.added(action, stakeholder::added));
  }

  @PostMapping(path = "/{id}/stakeholders", params = "action=attitude")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String setStakeholderAttitude(PageChange change, StakeholderForm stakeholder) {
    return change(
        change, STAKEHOLDERS.changed(stakeholder.stakeholderId(), stakeholder::withAttitude));
  }

  @PostMapping(path = "/{id}/stakeholders", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeStakeholder(
      PageChange change, @RequestParam(required = false) @Nullable UUID stakeholderId) {
    return change(change, STAKEHOLDERS.without(stakeholderId));
  }

  @PostMapping("/{id}/team")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addMember(
      PageChange change,
      @RequestParam(defaultValue = ADD) String action,
      @RequestParam(required = false) @Nullable UUID userId,
      KeyAccountPlan.@Nullable TeamRole role) {
    return change(
        change, TEAM.added(action, () -> new KeyAccountPlanDraft.MemberDraft(userId, role)));
  }

  @PostMapping(path = "/{id}/team", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeMember(PageChange change, @RequestParam(required = false) @Nullable UUID userId) {
    return change(change, TEAM.without(userId));
  }

  @PostMapping("/{id}/steps")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String addStep(
      PageChange change, @RequestParam(defaultValue = ADD) String action, StepForm step) {
    return change(change, STEPS.added(action, step::added));
  }

  /** Marks a step done ({@code action=done}) or not done ({@code action=reopen}). */
  @PostMapping(
      path = "/{id}/steps",
      params = {"action", "action!=add", "action!=remove"})
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String markStep(
      PageChange change,
      @RequestParam String action,
      @RequestParam(required = false) @Nullable UUID stepId) {
    return change(
        change,
        draft -> {
          if (!action.equals("done") && !action.equals("reopen")) {
            throw unknownAction();
          }
          return STEPS.changed(stepId, s -> done(s, action.equals("done"))).apply(draft);
        });
  }

  @PostMapping(path = "/{id}/steps", params = "action=remove")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String removeStep(PageChange change, @RequestParam(required = false) @Nullable UUID stepId) {
    return change(change, STEPS.without(stepId));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String delete(PageChange change) {
    try {
      plans.delete(change.user(), change.id(), change.version());
      return "redirect:/key-accounts";
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
      showPlan(change.user(), change.id(), change.model());
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

  /**
   * Writes the plan changed by {@code edit} at the version the page showed: a refused or stale
   * change shows the plan as it is with what went wrong, and nothing is saved.
   */
  private String change(PageChange change, UnaryOperator<KeyAccountPlanDraft> edit) {
    try {
      KeyAccountPlanService.View current =
          plans.editable(change.user(), change.id(), change.version());
      plans.replace(
          change.user(), change.id(), change.version(), edit.apply(current.plan().draft()));
      if (!change.htmx()) {
        return "redirect:/key-accounts/" + change.id();
      }
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
    } catch (InvalidInput e) {
      change.model().addAttribute("problems", e.errors());
    }
    showPlan(change.user(), change.id(), change.model());
    return change.htmx() ? "keyaccounts/key-account :: plan" : "keyaccounts/key-account";
  }

  /**
   * A section of a plan as the plan's page changes it: its entries in a draft, the draft with other
   * entries, and the id of an entry.
   */
  private record Section<T>(
      Function<KeyAccountPlanDraft, List<T>> entries,
      BiFunction<KeyAccountPlanDraft, List<T>, KeyAccountPlanDraft> with,
      Function<T, @Nullable UUID> idOf) {

    /** The section with a new entry, when the form asks to add one. */
    UnaryOperator<KeyAccountPlanDraft> added(String action, Supplier<T> entry) {
      return draft -> {
        if (!ADD.equals(action)) {
          throw unknownAction();
        }
        List<T> added = new ArrayList<>(entries.apply(draft));
        added.add(entry.get());
        return with.apply(draft, added);
      };
    }

    /** The section with the entry whose id is {@code id} changed. */
    UnaryOperator<KeyAccountPlanDraft> changed(@Nullable UUID id, UnaryOperator<T> change) {
      return draft ->
          with.apply(
              draft,
              entries.apply(draft).stream()
                  .map(e -> isEntry(e, id) ? change.apply(e) : e)
                  .toList());
    }

    /** The section without the entry whose id is {@code id}. */
    UnaryOperator<KeyAccountPlanDraft> without(@Nullable UUID id) {
      return draft ->
          with.apply(draft, entries.apply(draft).stream().filter(e -> !isEntry(e, id)).toList());
    }

    private boolean isEntry(T entry, @Nullable UUID id) {
      UUID entryId = idOf.apply(entry);
      return entryId != null && entryId.equals(id);
    }
  }

  private static final Section<KeyAccountPlanDraft.GoalDraft> GOALS =
      new Section<>(
          KeyAccountPlanDraft::goalList,
          (d, goals) ->
              new KeyAccountPlanDraft(
                  d.customerId(), d.year(), goals, d.stakeholders(), d.team(), d.steps()),
          KeyAccountPlanDraft.GoalDraft::id);

  private static final Section<KeyAccountPlanDraft.StakeholderDraft> STAKEHOLDERS =
      new Section<>(
          KeyAccountPlanDraft::stakeholderList,
          (d, stakeholders) ->
              new KeyAccountPlanDraft(
                  d.customerId(), d.year(), d.goals(), stakeholders, d.team(), d.steps()),
          KeyAccountPlanDraft.StakeholderDraft::id);

  private static final Section<KeyAccountPlanDraft.MemberDraft> TEAM =
      new Section<>(
          KeyAccountPlanDraft::teamList,
          (d, team) ->
              new KeyAccountPlanDraft(
                  d.customerId(), d.year(), d.goals(), d.stakeholders(), team, d.steps()),
          KeyAccountPlanDraft.MemberDraft::userId);

  private static final Section<KeyAccountPlanDraft.StepDraft> STEPS =
      new Section<>(
          KeyAccountPlanDraft::stepList,
          (d, steps) ->
              new KeyAccountPlanDraft(
                  d.customerId(), d.year(), d.goals(), d.stakeholders(), d.team(), steps),
          KeyAccountPlanDraft.StepDraft::id);

  /** The step marked done or not done. */
  private static KeyAccountPlanDraft.StepDraft done(KeyAccountPlanDraft.StepDraft s, boolean done) {
    return new KeyAccountPlanDraft.StepDraft(
        s.id(), s.description(), s.ownerId(), s.reviewDate(), done);
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
