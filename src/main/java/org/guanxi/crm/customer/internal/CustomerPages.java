package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The customer pages: the list with its search box, the form, and the customer 360 page. */
@Controller
@RequestMapping("/customers")
class CustomerPages {

  private final CustomerService customers;

  CustomerPages(CustomerService customers) {
    this.customers = customers;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("kinds", CustomerKind.values());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("classifications", Classification.values());
  }

  @GetMapping
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LifecycleStage stage, @RequestParam(defaultValue = "false") boolean deleted,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("stage", stage);
    model.addAttribute("deleted", deleted);
    showPage(model, customers.list(user, query(q, stage, deleted, null)));
    return "customer/list";
  }

  /** The rows of a list page: the search box and the "more" button fetch these (htmx). */
  @GetMapping("/rows")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String rows(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable LifecycleStage stage, @RequestParam(defaultValue = "false") boolean deleted,
      @RequestParam(required = false) @Nullable String cursor, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("stage", stage);
    model.addAttribute("deleted", deleted);
    showPage(model, customers.list(user, query(q, stage, deleted, cursor)));
    return "customer/list :: rows";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String newCustomer(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("draft", new CustomerDraft(CustomerKind.ORGANIZATION, "", null, null, null, LifecycleStage.PROSPECT,
        Classification.ORDINARY, null, null, user.id(), null, null, null, null, null));
    return form(user, model, null, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("draft") CustomerDraft draft,
      BindingResult binding, Model model) {
    if (binding.hasErrors()) {
      return form(user, model, null, null);
    }
    try {
      return "redirect:/customers/" + customers.create(user, draft).id();
    } catch (InvalidInput e) {
      reject(binding, e);
      return form(user, model, null, null);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    model.addAttribute("customer", CustomerResource.of(customers.get(user, id), false));
    model.addAttribute("timeline", customers.timeline(user, id));
    return "customer/show";
  }

  @GetMapping("/{id}/personal-data")
  @PreAuthorize("hasAuthority('PERSONAL_DATA_REVEAL')")
  String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    model.addAttribute("customer", CustomerResource.of(customers.reveal(user, id), true));
    return "customer/show :: personal";
  }

  @GetMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Customer customer = customers.get(user, id);
    model.addAttribute("draft", customer.draft());
    return form(user, model, id, customer.version());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam long version,
      @ModelAttribute("draft") CustomerDraft draft, BindingResult binding, Model model) {
    if (binding.hasErrors()) {
      return form(user, model, id, version);
    }
    try {
      customers.update(user, id, version, draft);
      return "redirect:/customers/" + id;
    } catch (InvalidInput e) {
      reject(binding, e);
      return form(user, model, id, version);
    } catch (StaleVersion e) {
      // The form keeps the user's input but now carries the version they have been warned about, so that saving
      // again after looking at the latest version goes through (as the conflict message says), instead of failing
      // forever; a change made meanwhile by someone else again is again a conflict.
      model.addAttribute("conflict", true);
      return form(user, model, id, customers.get(user, id).version());
    }
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam long version) {
    customers.delete(user, id, version);
    return "redirect:/customers";
  }

  @PostMapping("/{id}/restore")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  String restore(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    customers.restore(user, id);
    return "redirect:/customers/" + id;
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "customer/not-found";
  }

  @ExceptionHandler(StaleVersion.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String staleDelete() {
    return "customer/not-found";
  }

  private static void showPage(Model model, CustomerPage page) {
    model.addAttribute("rows", page.items().stream().map(c -> CustomerResource.of(c, false)).toList());
    model.addAttribute("nextCursor", page.nextCursor());
  }

  private String form(CurrentUser user, Model model, @Nullable UUID id, @Nullable Long version) {
    model.addAttribute("customerId", id);
    model.addAttribute("version", version);
    model.addAttribute("owners", customers.assignableOwners(user));
    return "customer/form";
  }

  private static void reject(BindingResult binding, InvalidInput e) {
    for (var error : e.errors()) {
      binding.rejectValue(error.field(), "error." + error.code(), error.message());
    }
  }

  private static CustomerQuery query(@Nullable String q, @Nullable LifecycleStage stage, boolean deleted, @Nullable String cursor) {
    return new CustomerQuery(q, stage, null, null, null, null, null, null, deleted, CustomerSort.NEWEST, cursor, 50);
  }
}
