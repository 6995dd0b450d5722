package org.guanxi.crm.customer.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormFields;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The pool pages: the list of the pools one sees, with claim buttons and, for managers, an assign
 * form (both answer htmx with the row's outcome); and the pool panel of the customer page, which
 * shows where the customer stands and lets its owner release it or its manager reclaim it.
 */
@Controller
class PoolPages {

  /**
   * What became of a claim or an assignment from the list: in place of the row when the customer
   * left the pool (or someone else took it), above the list when it is still there to take.
   */
  record Outcome(
      UUID customerId,
      String name,
      String message,
      @Nullable String argument,
      boolean success,
      boolean stillInPool) {}

  private final CustomerPool pool;
  private final CustomerService customers;

  PoolPages(CustomerPool pool, CustomerService customers) {
    this.pool = pool;
    this.customers = customers;
  }

  /**
   * The filters of the list: the pool ({@code general}, a team's id, or every pool the user sees),
   * why the customers returned, and the search box.
   */
  record Filter(@Nullable String pool, @Nullable PoolReason reason, @Nullable String q) {

    static final Filter NONE = new Filter(null, null, null);
  }

  /** The list, or its rows ({@code /pool/rows}): the filters and the "more" button fetch these. */
  @GetMapping({"/pool", "/pool/rows"})
  @PreAuthorize("hasAnyAuthority('CUSTOMER_POOL_CLAIM', 'CUSTOMER_POOL_MANAGE')")
  String list(
      ListRows list, Filter filter, @RequestParam(defaultValue = "false") boolean released) {
    CurrentUser user = list.user();
    Model model = list.model();
    model.addAttribute("released", released);
    boolean general = "general".equals(filter.pool());
    UUID teamId = general ? null : FormFields.orNone(filter.pool(), UUID::fromString);
    PoolPage page =
        pool.list(
            user,
            new PoolQuery(
                teamId,
                general,
                filter.reason(),
                filter.q(),
                list.cursor(),
                PoolQuery.DEFAULT_LIMIT));
    model.addAttribute("teams", pool.teams(user));
    model.addAttribute("reasons", PoolReason.values());
    model.addAttribute("settings", pool.settings());
    model.addAttribute("owned", pool.owned(user));
    boolean manages = user.can(CustomerPermissions.CUSTOMER_POOL_MANAGE);
    model.addAttribute("owners", manages ? customers.assignableOwners(user) : List.of());
    return list.show("customer/pool", filter, page.items(), page.nextCursor());
  }

  @PostMapping("/pool/{id}/claim")
  @PreAuthorize("hasAuthority('CUSTOMER_POOL_CLAIM')")
  String claim(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      HttpServletResponse response,
      Model model) {
    Outcome outcome;
    try {
      Customer claimed = pool.claim(user, id);
      outcome = new Outcome(id, claimed.name(), "pool.claimed", null, true, false);
    } catch (ClaimLimitReached e) {
      outcome = new Outcome(id, "", "pool.limitReached", String.valueOf(e.limit()), false, true);
    } catch (AlreadyClaimed e) {
      outcome = new Outcome(id, "", "pool.alreadyClaimed", null, false, false);
    }
    return outcome(user, model, response, outcome, htmx);
  }

  @PostMapping("/pool/{id}/assign")
  @PreAuthorize("hasAuthority('CUSTOMER_POOL_MANAGE')")
  String assign(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      HttpServletResponse response,
      Model model) {
    Outcome outcome;
    try {
      Customer assigned = pool.assign(user, id, ownerId);
      outcome =
          new Outcome(id, assigned.name(), "pool.assigned", assigned.ownerName(), true, false);
    } catch (AlreadyClaimed e) {
      outcome = new Outcome(id, "", "pool.alreadyClaimed", null, false, false);
    } catch (InvalidInput e) {
      outcome = new Outcome(id, "", "error." + e.errors().get(0).code(), null, false, true);
    }
    return outcome(user, model, response, outcome, htmx);
  }

  /** The home page's warning: the user's customers about to return to the pool (htmx). */
  @GetMapping("/home/pool-due")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String returningSoon(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("returning", pool.returningSoon(user, 10));
    model.addAttribute("warningDays", CustomerPool.RETURN_WARNING_DAYS);
    return "customer/home :: poolDue";
  }

  /** The pool panel of the customer page (loaded by htmx). */
  @GetMapping("/customers/{id}/pool-panel")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String panel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    return showPanel(user, id, model);
  }

  /**
   * Puts the customer back into the pool from its page: htmx is sent on to the pool (the owner no
   * longer sees the customer), or gets the panel with what was wrong.
   */
  @PostMapping("/customers/{id}/release")
  @PreAuthorize("hasAnyAuthority('CUSTOMER_POOL_CLAIM', 'CUSTOMER_POOL_MANAGE')")
  String release(
      PageChange change,
      @RequestParam(required = false) @Nullable String reason,
      HttpServletRequest request,
      HttpServletResponse response) {
    Model model = change.model();
    try {
      pool.release(change.user(), change.id(), change.version(), reason);
    } catch (InvalidInput e) {
      model.addAttribute("releaseError", "error." + e.errors().get(0).code());
      model.addAttribute("reason", reason);
      return releaseRefused(change);
    } catch (StaleVersion e) {
      model.addAttribute("conflict", true);
      model.addAttribute("reason", reason);
      return releaseRefused(change);
    } catch (AlreadyInPool e) {
      return releaseRefused(change);
    }
    if (!change.htmx()) {
      return "redirect:/pool?released=true";
    }
    response.setHeader("HX-Redirect", request.getContextPath() + "/pool?released=true");
    return "customer/pool-panel :: released";
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "customer/not-found";
  }

  /** A refused release: back to the customer's page, or (htmx) its pool panel with why. */
  private String releaseRefused(PageChange change) {
    return change.htmx()
        ? showPanel(change.user(), change.id(), change.model())
        : "redirect:/customers/" + change.id();
  }

  private String showPanel(CurrentUser user, UUID id, Model model) {
    Customer customer = customers.getEvenDeleted(user, id);
    PoolStatus status = pool.status(user, id);
    PoolSettings rules = pool.settings();
    boolean exempt =
        rules.exemptsKeyAccounts() && customer.classification() == Classification.KEY_ACCOUNT;
    Integer days = rules.returnAfterDays();
    Instant returnsAt =
        status.inPool() || exempt || days == null || customer.deletedAt() != null
            ? null
            : status.followedUpAt().plus(Duration.ofDays(days));
    model.addAttribute("customer", CustomerResource.of(customer, false));
    model.addAttribute("status", status);
    model.addAttribute("returnsAt", returnsAt);
    model.addAttribute("exempt", exempt && !status.inPool());
    model.addAttribute("mayRelease", pool.mayRelease(user, customer));
    model.addAttribute("reclaim", !user.id().equals(customer.ownerId()));
    return "customer/pool-panel :: panel";
  }

  private String outcome(
      CurrentUser user,
      Model model,
      HttpServletResponse response,
      Outcome outcome,
      @Nullable String htmx) {
    model.addAttribute("outcome", outcome);
    if (htmx != null && outcome.stillInPool()) {
      response.setHeader("HX-Retarget", "#pool-message");
      response.setHeader("HX-Reswap", "innerHTML");
      return "customer/pool :: message";
    }
    if (htmx != null) {
      return "customer/pool :: outcome";
    }
    return list(ListRows.page(user, model), Filter.NONE, false);
  }
}
