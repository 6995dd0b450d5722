package org.guanxi.crm.keyaccounts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  @PostMapping("/{id}/goals")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String goals(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "add") String action,
      @RequestParam(required = false) @Nullable UUID goalId,
      @RequestParam(required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String targetAmount,
      @RequestParam(required = false) @Nullable String currency,
      KeyAccountPlan.@Nullable GoalStatus status,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        user,
        id,
        version,
        htmx,
        model,
        draft -> {
          List<KeyAccountPlanDraft.GoalDraft> goals = new ArrayList<>(draft.goalList());
          switch (action) {
            case "add" ->
                goals.add(
                    new KeyAccountPlanDraft.GoalDraft(
                        null,
                        FreeText.stripped(description),
                        amount(targetAmount),
                        FreeText.stripped(currency),
                        status));
            case "status" ->
                goals.replaceAll(
                    g ->
                        g.id() != null && g.id().equals(goalId)
                            ? new KeyAccountPlanDraft.GoalDraft(
                                g.id(), g.description(), g.targetAmount(), g.currency(), status)
                            : g);
            case "remove" -> goals.removeIf(g -> g.id() != null && g.id().equals(goalId));
            default -> throw unknownAction();
          }
          return new KeyAccountPlanDraft(
              draft.customerId(),
              draft.year(),
              goals,
              draft.stakeholders(),
              draft.team(),
              draft.steps());
        });
  }

  @PostMapping("/{id}/stakeholders")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String stakeholders(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "add") String action,
      @RequestParam(required = false) @Nullable UUID stakeholderId,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String title,
      KeyAccountPlan.@Nullable BuyingRole buyingRole,
      KeyAccountPlan.@Nullable Attitude attitude,
      @RequestParam(required = false) @Nullable UUID contactId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        user,
        id,
        version,
        htmx,
        model,
        draft -> {
          List<KeyAccountPlanDraft.StakeholderDraft> stakeholders =
              new ArrayList<>(draft.stakeholderList());
          switch (action) {
            case "add" ->
                stakeholders.add(
                    new KeyAccountPlanDraft.StakeholderDraft(
                        null, FreeText.stripped(name), title, buyingRole, attitude, contactId));
            case "attitude" ->
                stakeholders.replaceAll(
                    s ->
                        s.id() != null && s.id().equals(stakeholderId)
                            ? new KeyAccountPlanDraft.StakeholderDraft(
                                s.id(),
                                s.name(),
                                s.title(),
                                s.buyingRole(),
                                attitude,
                                s.contactId())
                            : s);
            case "remove" ->
                stakeholders.removeIf(s -> s.id() != null && s.id().equals(stakeholderId));
            default -> throw unknownAction();
          }
          return new KeyAccountPlanDraft(
              draft.customerId(),
              draft.year(),
              draft.goals(),
              stakeholders,
              draft.team(),
              draft.steps());
        });
  }

  @PostMapping("/{id}/team")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String team(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "add") String action,
      @RequestParam(required = false) @Nullable UUID userId,
      KeyAccountPlan.@Nullable TeamRole role,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        user,
        id,
        version,
        htmx,
        model,
        draft -> {
          List<KeyAccountPlanDraft.MemberDraft> team = new ArrayList<>(draft.teamList());
          switch (action) {
            case "add" -> team.add(new KeyAccountPlanDraft.MemberDraft(userId, role));
            case "remove" -> team.removeIf(m -> m.userId().equals(userId));
            default -> throw unknownAction();
          }
          return new KeyAccountPlanDraft(
              draft.customerId(),
              draft.year(),
              draft.goals(),
              draft.stakeholders(),
              team,
              draft.steps());
        });
  }

  @PostMapping("/{id}/steps")
  @PreAuthorize("hasAuthority('KEY_ACCOUNT_WRITE')")
  String steps(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam long version,
      @RequestParam(defaultValue = "add") String action,
      @RequestParam(required = false) @Nullable UUID stepId,
      @RequestParam(required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @Nullable LocalDate reviewDate,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    return change(
        user,
        id,
        version,
        htmx,
        model,
        draft -> {
          List<KeyAccountPlanDraft.StepDraft> steps = new ArrayList<>(draft.stepList());
          switch (action) {
            case "add" ->
                steps.add(
                    new KeyAccountPlanDraft.StepDraft(
                        null, FreeText.stripped(description), ownerId, reviewDate, false));
            case "done", "reopen" ->
                steps.replaceAll(
                    s ->
                        s.id() != null && s.id().equals(stepId)
                            ? new KeyAccountPlanDraft.StepDraft(
                                s.id(),
                                s.description(),
                                s.ownerId(),
                                s.reviewDate(),
                                "done".equals(action))
                            : s);
            case "remove" -> steps.removeIf(s -> s.id() != null && s.id().equals(stepId));
            default -> throw unknownAction();
          }
          return new KeyAccountPlanDraft(
              draft.customerId(),
              draft.year(),
              draft.goals(),
              draft.stakeholders(),
              draft.team(),
              steps);
        });
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

  /**
   * Writes the plan changed by {@code change} at the version the page showed: a refused or stale
   * change shows the plan as it is with what went wrong, and nothing is saved.
   */
  private String change(
      CurrentUser user,
      UUID id,
      long version,
      @Nullable String htmx,
      Model model,
      UnaryOperator<KeyAccountPlanDraft> change) {
    try {
      KeyAccountPlanService.View current = plans.editable(user, id, version);
      plans.replace(user, id, version, change.apply(current.plan().draft()));
      if (htmx == null) {
        return "redirect:/key-accounts/" + id;
      }
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
    } catch (InvalidInput e) {
      model.addAttribute("problems", e.errors());
    }
    showPlan(user, id, model);
    return htmx == null ? "keyaccounts/key-account" : "keyaccounts/key-account :: plan";
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
