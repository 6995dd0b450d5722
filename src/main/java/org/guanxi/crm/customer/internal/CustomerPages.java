package org.guanxi.crm.customer.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.DuplicateCandidate;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.customer.NewCustomer;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.FormErrors;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageAction;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.PageSection;
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
  private final ContactService contacts;
  private final CustomerShares shares;
  private final Customers directory;
  private final List<PageSection> sections;
  private final List<PageAction> actions;

  CustomerPages(
      CustomerService customers,
      ContactService contacts,
      CustomerShares shares,
      Customers directory,
      List<PageSection> sections,
      List<PageAction> actions) {
    this.customers = customers;
    this.contacts = contacts;
    this.shares = shares;
    this.directory = directory;
    this.sections = List.copyOf(sections);
    this.actions = List.copyOf(actions);
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("customFields", customers.customFields());
    model.addAttribute("kinds", CustomerKind.values());
    model.addAttribute("stages", LifecycleStage.values());
    model.addAttribute("classifications", Classification.values());
  }

  /**
   * The filters of the list: the search box, the stage, and the recycle bin (the deleted customers)
   * instead of the list (none sent: the list); the custom fields' filters ({@code cf.<key>}) are
   * read from all parameters.
   */
  record Filter(@Nullable String q, @Nullable LifecycleStage stage, Boolean deleted) {

    Filter {
      deleted = Boolean.TRUE.equals(deleted);
    }
  }

  /** The list, or its rows ({@code /rows}): the search box and the "more" button fetch these. */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String list(ListRows list, Filter filter, @RequestParam Map<String, String> parameters) {
    Model model = list.model();
    model.addAttribute("cf", parameters);
    CustomerPage page =
        customers.list(
            list.user(),
            query(
                filter.q(),
                filter.stage(),
                customFieldFilter(parameters, model),
                filter.deleted(),
                CustomerSort.NEWEST,
                list.cursor(),
                50));
    return list.show(
        "customer/list",
        filter,
        page.items().stream().map(c -> CustomerResource.of(c, false)).toList(),
        page.nextCursor());
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String newCustomer(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "draft",
        new CustomerDraft(
            CustomerKind.ORGANIZATION,
            "",
            null,
            null,
            null,
            LifecycleStage.PROSPECT,
            Classification.ORDINARY,
            null,
            null,
            user.id(),
            null,
            null,
            null,
            null,
            null,
            null));
    return form(user, model, null, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @ModelAttribute("draft") CustomerDraft draft,
      BindingResult binding,
      Model model) {
    return draftForm(binding, model)
        .create(
            () -> "redirect:/customers/" + customers.create(user, draft).id(),
            () -> form(user, model, null, null));
  }

  /**
   * While a new customer is typed in the form (htmx): the customers that look the same, found as
   * the import finds them (the same phone or e-mail, the same or a similar name, the same pinyin);
   * a phone or e-mail still being typed is left out until it reads as one.
   */
  @GetMapping("/duplicates")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String duplicates(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String phone,
      @RequestParam(defaultValue = "") String email,
      Model model) {
    List<DuplicateCandidate> candidates = List.of();
    if (name.strip().length() >= 2 || !phone.isBlank() || !email.isBlank()) {
      try {
        candidates = directory.duplicateCandidates(user, typed(name, phone, email), null);
      } catch (InvalidInput e) {
        candidates = directory.duplicateCandidates(user, typed(name, "", ""), null);
      }
    }
    model.addAttribute("candidates", candidates);
    return "customer/form :: duplicates";
  }

  private static NewCustomer typed(String name, String phone, String email) {
    return new NewCustomer(
        CustomerKind.ORGANIZATION,
        name.strip(),
        null,
        null,
        null,
        null,
        null,
        phone.isBlank() ? null : phone.strip(),
        email.isBlank() ? null : email.strip());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('CUSTOMER_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Customer customer = customers.getEvenDeleted(user, id);
    // the owner and the owner's managers see it in full, and each view is audited as a reveal
    boolean revealed = customer.deletedAt() == null && CustomerService.ownersSide(user, customer);
    model.addAttribute(
        "customer",
        CustomerResource.of(revealed ? customers.reveal(user, id) : customer, revealed));
    model.addAttribute("timeline", customers.timeline(user, id));
    model.addAttribute(
        "contacts",
        customer.deletedAt() == null
            ? contacts.of(user, id).stream().map(Contact::masked).toList()
            : List.of());
    model.addAttribute("contact", new ContactDraft("", null, null, null, null));
    model.addAttribute("shares", customer.deletedAt() == null ? shares.of(user, id) : List.of());
    model.addAttribute("colleagues", shares.colleagues(user));
    model.addAttribute("externalKey", customer.externalKey());
    model.addAttribute(
        "panels",
        PageSection.pathsFor(
            sections, PageSection.Page.CUSTOMER, user, id, customer.deletedAt() != null));
    model.addAttribute(
        "actions",
        customer.deletedAt() == null
            ? PageAction.shownFor(actions, PageSection.Page.CUSTOMER, user, id)
            : List.of());
    return "customer/show";
  }

  /**
   * Sets, changes or takes away (when empty) the customer's external key from its field on the
   * customer page, under the API's rules. Saved, the page is shown afresh (htmx: told to load it),
   * so that its timeline and the version the page's other forms carry are current; refused, the
   * field comes back with the typed key and why (htmx: the field alone).
   */
  @PostMapping("/{id}/external-key")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String setExternalKey(
      PageChange change,
      @RequestParam(required = false) @Nullable String externalKey,
      HttpServletRequest request,
      HttpServletResponse response) {
    CurrentUser user = change.user();
    UUID id = change.id();
    Model model = change.model();
    try {
      customers.setExternalKey(user, id, change.version(), externalKey);
    } catch (InvalidInput e) {
      model.addAttribute("externalKeyError", "error." + e.errors().get(0).code());
      return externalKeyRefused(change, externalKey);
    } catch (StaleVersion e) {
      model.addAttribute("externalKeyConflict", true);
      return externalKeyRefused(change, externalKey);
    }
    if (!change.htmx()) {
      return "redirect:/customers/" + id;
    }
    response.setHeader("HX-Redirect", request.getContextPath() + "/customers/" + id);
    return externalKeyField(change, externalKey);
  }

  /**
   * The customer's external-key field (htmx) or page with the typed key and the problem in the
   * model. It carries the customer's current version, so that saving again after a conflict goes
   * through.
   */
  private String externalKeyRefused(PageChange change, @Nullable String typed) {
    if (change.htmx()) {
      return externalKeyField(change, typed);
    }
    String view = show(change.user(), change.id(), change.model());
    change.model().addAttribute("externalKey", typed);
    return view;
  }

  /** The customer's external-key field (htmx), with the customer as it is now and the typed key. */
  private String externalKeyField(PageChange change, @Nullable String typed) {
    Customer customer = customers.get(change.user(), change.id());
    change.model().addAttribute("customer", CustomerResource.of(customer, false));
    change.model().addAttribute("externalKey", typed);
    return "customer/show :: externalKey";
  }

  @PostMapping("/{id}/shares")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String share(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @RequestParam UUID userId) {
    shares.share(user, id, userId);
    return "redirect:/customers/" + id;
  }

  @PostMapping("/{id}/shares/{userId}/delete")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String unshare(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
    shares.unshare(user, id, userId);
    return "redirect:/customers/" + id;
  }

  /**
   * Adds a contact from the form on the customer page and answers with the refreshed contacts
   * section (htmx).
   */
  @PostMapping("/{id}/contacts")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String addContact(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @ModelAttribute("contact") ContactDraft draft,
      BindingResult binding,
      Model model) {
    return draftForm(binding, model)
        .create(
            () -> {
              contacts.add(user, id, draft);
              model.addAttribute("contact", new ContactDraft("", null, null, null, null));
              return contactsSection(user, id, model);
            },
            () -> contactsSection(user, id, model));
  }

  /** The contacts section of the customer page (htmx), with the contact form of the model. */
  private String contactsSection(CurrentUser user, UUID id, Model model) {
    model.addAttribute("customer", CustomerResource.of(customers.get(user, id), false));
    model.addAttribute("contacts", contacts.of(user, id).stream().map(Contact::masked).toList());
    return "customer/show :: contacts";
  }

  @PostMapping("/{id}/contacts/{contactId}/delete")
  @PreAuthorize("hasAuthority('CUSTOMER_WRITE')")
  String removeContact(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @PathVariable UUID contactId) {
    contacts.remove(user, id, contactId);
    return "redirect:/customers/" + id;
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
  String update(
      PageChange change, @ModelAttribute("draft") CustomerDraft draft, BindingResult binding) {
    CurrentUser user = change.user();
    UUID id = change.id();
    return draftForm(binding, change.model())
        .update(
            change.version(),
            () -> {
              customers.update(user, id, change.version(), draft);
              return "redirect:/customers/" + id;
            },
            v -> form(user, change.model(), id, v),
            e -> customers.get(user, id).version());
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  String delete(PageChange change) {
    customers.delete(change.user(), change.id(), change.version());
    return "redirect:/customers";
  }

  @PostMapping("/{id}/restore")
  @PreAuthorize("hasAuthority('CUSTOMER_DELETE')")
  String restore(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    try {
      customers.restore(user, id);
      return "redirect:/customers/" + id;
    } catch (InvalidInput refused) {
      model.addAttribute("restoreRefused", true);
      return show(user, id, model);
    }
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

  /**
   * The custom-field filters of the list that can be applied. One that names no such field, or a
   * value the field cannot hold (a link kept from before a field changed, an address typed by
   * hand), is left out and listed in the model as {@code filterErrors}, so that the page says so
   * instead of failing.
   */
  private Map<String, Object> customFieldFilter(Map<String, String> parameters, Model model) {
    Map<String, Object> filter = new java.util.TreeMap<>();
    List<InvalidInput.FieldError> leftOut = new java.util.ArrayList<>();
    parameters.forEach(
        (name, value) -> {
          if (name.startsWith("cf.")) {
            try {
              filter.putAll(customers.customFieldFilter(Map.of(name, value)));
            } catch (InvalidInput e) {
              leftOut.addAll(e.errors());
            }
          }
        });
    model.addAttribute("filterErrors", leftOut);
    return filter;
  }

  private String form(CurrentUser user, Model model, @Nullable UUID id, @Nullable Long version) {
    model.addAttribute("customerId", id);
    model.addAttribute("version", version);
    model.addAttribute("owners", customers.assignableOwners(user));
    return "customer/form";
  }

  /**
   * Marks the fields at fault. Custom fields are not properties of the form object, so their errors
   * go to the model as {@code customFieldErrors} (key → message code), with one form-wide error to
   * say something is wrong.
   */
  private static DraftForm draftForm(BindingResult binding, Model model) {
    return new DraftForm(binding, model, e -> reject(binding, e, model));
  }

  private static void reject(BindingResult binding, InvalidInput e, Model model) {
    Map<String, String> customFieldErrors = new java.util.HashMap<>();
    for (var error : e.errors()) {
      if (error.field().startsWith("customFields.")) {
        customFieldErrors.put(
            error.field().substring("customFields.".length()), "error." + error.code());
        binding.reject("error." + error.code(), error.message());
      } else {
        FormErrors.reject(binding, error, "error.");
      }
    }
    model.addAttribute("customFieldErrors", customFieldErrors);
  }

  /**
   * The customers the customer pages search for: by the search box, stage and custom fields alone
   * (the list, its export, the candidates of a merge).
   */
  static CustomerQuery query(
      @Nullable String q,
      @Nullable LifecycleStage stage,
      Map<String, Object> customFieldFilter,
      boolean deleted,
      CustomerSort sort,
      @Nullable String cursor,
      int limit) {
    return new CustomerQuery(
        new CustomerFilters(q, stage, null, null, null, null, null, null, deleted, sort),
        customFieldFilter,
        cursor,
        limit);
  }
}
