package org.guanxi.crm.platform.internal.admin;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The user pages: the list with its search box, the form for a new user, and a user's page. */
@Controller
@RequestMapping("/admin/users")
class UserPages {

  private static final int PAGE_SIZE = 100;

  private final UserAdministration users;
  private final TeamAdministration teams;
  private final PersonalTokens tokens;

  UserPages(UserAdministration users, TeamAdministration teams, PersonalTokens tokens) {
    this.users = users;
    this.teams = teams;
    this.tokens = tokens;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("roles", Role.values());
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String cursor,
      Model model) {
    model.addAttribute("q", q);
    try {
      model.addAttribute("page", users.list(q, cursor, PAGE_SIZE));
    } catch (InvalidInput e) {
      // a cursor only comes from the page's own "more" link: a damaged one starts the list afresh
      model.addAttribute("page", users.list(q, null, PAGE_SIZE));
    }
    return "admin/users";
  }

  /** The rows of the list: the search box fetches these (htmx). */
  @GetMapping("/rows")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String rows(@RequestParam(required = false) @Nullable String q, Model model) {
    model.addAttribute("q", q);
    model.addAttribute("page", users.list(q, null, PAGE_SIZE));
    return "admin/users :: rows";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String newUser(Model model) {
    model.addAttribute("form", new NewUser("", "", "", EnumSet.noneOf(Role.class), null));
    return newForm(model);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String create(@ModelAttribute("form") NewUser form, BindingResult binding, Model model) {
    return DraftForm.of(binding, model, "admin.error.")
        .create(
            () -> "redirect:/admin/users/" + users.create(form).id() + "?created",
            () -> newForm(model));
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String show(@PathVariable UUID id, Model model) {
    UserAccount user = users.get(id);
    model.addAttribute("form", user.changes());
    return userPage(user, user.version(), model);
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String update(
      PageChange change, @ModelAttribute("form") UserChanges form, BindingResult binding) {
    UUID id = change.id();
    long version = change.version();
    Model model = change.model();
    UserAccount user = users.get(id);
    // an unticked box sends nothing: no roles, not active
    Set<Role> roles = form.roles() == null ? Set.of() : form.roles();
    return DraftForm.of(binding, model, "admin.error.")
        .update(
            version,
            () -> {
              users.update(
                  id,
                  version,
                  new UserChanges(
                      form.displayName(),
                      roles,
                      form.teamId(),
                      Boolean.TRUE.equals(form.active())));
              return "redirect:/admin/users/" + id + "?saved";
            },
            v -> userPage(user, v, model),
            // the page shows the version the form was read at again
            e -> version);
  }

  @PostMapping("/{id}/password")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String resetPassword(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String password,
      Model model) {
    UserAccount user = users.get(id);
    try {
      users.resetPassword(id, password);
      return "redirect:/admin/users/" + id + "?passwordSet";
    } catch (InvalidInput e) {
      model.addAttribute("form", user.changes());
      model.addAttribute("passwordError", e.errors().get(0).code());
      model.addAttribute("typedPassword", password);
      return userPage(user, user.version(), model);
    }
  }

  @PostMapping("/{id}/tokens/{tokenId}/revoke")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String revokeToken(@PathVariable UUID id, @PathVariable UUID tokenId) {
    tokens.revoke(users.get(id).id(), tokenId);
    return "redirect:/admin/users/" + id + "?tokenRevoked";
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "admin/not-found";
  }

  private String newForm(Model model) {
    model.addAttribute("teams", teams.tree());
    return "admin/user-new";
  }

  private String userPage(UserAccount user, long version, Model model) {
    model.addAttribute("user", user);
    model.addAttribute("version", version);
    model.addAttribute("teams", teams.tree());
    model.addAttribute("tokens", tokens.of(user.id()));
    return "admin/user";
  }
}
