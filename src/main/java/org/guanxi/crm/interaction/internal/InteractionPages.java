package org.guanxi.crm.interaction.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guanxi.crm.customer.ContactSummary;
import org.guanxi.crm.customer.CustomerContacts;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.WorkspaceTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The follow-ups of the customer page (a panel: the form to write one and the latest ones) and an
 * interaction's own page, where its author changes or deletes it within the edit window.
 */
@Controller
class InteractionPages {

  /** How many interactions the customer page's panel shows. */
  static final int PANEL_SIZE = 10;

  private final InteractionService interactions;
  private final AttachmentService attachments;
  private final Customers customers;
  private final CustomerContacts contacts;
  private final WorkspaceTime time;

  InteractionPages(
      InteractionService interactions,
      AttachmentService attachments,
      Customers customers,
      CustomerContacts contacts,
      WorkspaceTime time) {
    this.interactions = interactions;
    this.attachments = attachments;
    this.customers = customers;
    this.contacts = contacts;
    this.time = time;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("channels", Channel.values());
    model.addAttribute("directions", Direction.values());
  }

  /** The panel of the customer page; an invisible customer's is empty (the page says why). */
  @GetMapping("/customers/{id}/interaction-panel")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  String panel(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response) {
    if (customers.find(user, id).isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "interaction/panel :: nothing";
    }
    model.addAttribute("form", InteractionForm.empty());
    return panel(user, id, model);
  }

  /**
   * Records a follow-up from the customer page's panel and answers with the panel again (htmx):
   * saved, an empty form and the new record on top; refused, the form as typed and why.
   */
  @PostMapping("/customers/{id}/interactions")
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  String record(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @ModelAttribute("form") InteractionForm form,
      BindingResult binding,
      Model model) {
    if (customers.find(user, id).isEmpty()) {
      throw new RecordNotFound("customer", id);
    }
    return DraftForm.of(binding, model, "error.")
        .create(
            () -> {
              interactions.record(user, form.draft(id, time.zone(), null));
              model.addAttribute("form", InteractionForm.empty());
              model.addAttribute("saved", true);
              return panel(user, id, model);
            },
            () -> panel(user, id, model));
  }

  /**
   * The home page's briefing (销售简报) for those who see a team: this week's follow-ups per author and
   * channel.
   */
  @GetMapping("/home/activity")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  String briefing(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("briefing", interactions.thisWeek(user));
    return "interaction/home :: briefing";
  }

  @GetMapping("/interactions/{id}")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    InteractionView view = interactions.get(user, id);
    model.addAttribute("form", InteractionForm.of(view.interaction(), time.zone()));
    return page(user, view, model);
  }

  /** The author's change from the interaction's page: saved, the page again with a notice. */
  @PostMapping("/interactions/{id}")
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  String update(
      PageChange change, @ModelAttribute("form") InteractionForm form, BindingResult binding) {
    CurrentUser user = change.user();
    Model model = change.model();
    InteractionView current = interactions.get(user, change.id());
    return DraftForm.of(binding, model, "error.")
        .update(
            change.version(),
            () -> {
              interactions.update(
                  user,
                  change.id(),
                  change.version(),
                  form.draft(
                      current.interaction().customerId(), time.zone(), current.interaction()));
              return "redirect:/interactions/" + change.id() + "?saved";
            },
            version -> page(user, current, model, version),
            stale -> interactions.get(user, change.id()).version());
  }

  /** The author attaches a file from the interaction's page; refused, the page says why. */
  @PostMapping("/interactions/{id}/attachments")
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  String attach(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect)
      throws java.io.IOException {
    try {
      attachments.attach(user, id, file.getOriginalFilename(), file.getBytes());
      redirect.addFlashAttribute("flashNotice", "interaction.attached");
    } catch (org.guanxi.crm.platform.Refused e) {
      redirect.addFlashAttribute(
          "attachmentRefused", "error." + e.problem().getProperties().get("code"));
    }
    return "redirect:/interactions/" + id;
  }

  /** A file attached to the interaction, downloaded (never shown inside the page). */
  @GetMapping("/interactions/{id}/attachments/{attachmentId}")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @PathVariable UUID attachmentId) {
    return attachments.download(user, id, attachmentId).response();
  }

  @PostMapping("/interactions/{id}/delete")
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  String delete(PageChange change, RedirectAttributes redirect) {
    CurrentUser user = change.user();
    InteractionView current = interactions.get(user, change.id());
    return change.make(
        () -> {
          interactions.delete(user, change.id(), change.version());
          redirect.addFlashAttribute("flashNotice", "interaction.deleted");
          return "redirect:/customers/" + current.interaction().customerId();
        },
        () -> page(user, interactions.get(user, change.id()), change.model()));
  }

  private String panel(CurrentUser user, UUID customerId, Model model) {
    CustomerSummary customer =
        customers
            .find(user, customerId)
            .orElseThrow(() -> new RecordNotFound("customer", customerId));
    model.addAttribute("customer", customer);
    withContacts(user, customerId, model);
    model.addAttribute(
        "interactions",
        interactions
            .list(
                user,
                new InteractionStore.Query(
                    customerId, null, null, null, null, null, null, PANEL_SIZE))
            .items());
    return "interaction/panel :: panel";
  }

  private String page(CurrentUser user, InteractionView view, Model model) {
    return page(user, view, model, view.version());
  }

  private String page(CurrentUser user, InteractionView view, Model model, long version) {
    UUID customerId = view.interaction().customerId();
    model.addAttribute("interaction", view);
    model.addAttribute("version", version);
    model.addAttribute("attachments", attachments.of(user, view.interaction().id()));
    model.addAttribute(
        "customer",
        customers
            .find(user, customerId)
            .orElseThrow(() -> new RecordNotFound("customer", customerId)));
    withContacts(user, customerId, model);
    return "interaction/interaction";
  }

  /**
   * The customer's contacts to choose from, and their names by id for the records that name one.
   */
  private void withContacts(CurrentUser user, UUID customerId, Model model) {
    List<ContactSummary> of = contacts.of(user, customerId);
    model.addAttribute("contacts", of);
    model.addAttribute(
        "contactNames",
        of.stream().collect(Collectors.toMap(ContactSummary::id, ContactSummary::name)));
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "interaction/not-found";
  }
}
