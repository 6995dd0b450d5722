package org.guanxi.crm.platform.internal.admin;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The team tree on one page: every team has its own small form to rename or move it, and a delete
 * button. A refused change shows its message at the team it concerns, with what was typed still in
 * place.
 */
@Controller
@RequestMapping("/admin/teams")
class TeamPages {

  /**
   * A change the page refused, with what was typed; {@code teamId} is null for the form of a new
   * team.
   */
  record Refused(@Nullable UUID teamId, TeamDraft typed, List<String> codes) {}

  private final TeamAdministration teams;

  TeamPages(TeamAdministration teams) {
    this.teams = teams;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String tree(Model model) {
    return page(model, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String create(TeamDraft draft, Model model) {
    return change(
        () -> {
          teams.create(draft);
          return "redirect:/admin/teams?created";
        },
        problems -> page(model, new Refused(null, draft, problems)));
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String update(@PathVariable UUID id, @RequestParam long version, TeamDraft draft, Model model) {
    return change(
        () -> {
          teams.update(id, version, draft);
          return "redirect:/admin/teams?saved";
        },
        problems -> page(model, new Refused(id, draft, problems)));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  String delete(@PathVariable UUID id, @RequestParam long version, Model model) {
    return change(
        () -> {
          teams.delete(id, version);
          return "redirect:/admin/teams?deleted";
        },
        problems -> page(model, new Refused(id, teams.get(id).draft(), problems)));
  }

  /**
   * Makes a change and answers where it sends the user; refused, the page again with the codes of
   * the problems ({@code stale} when someone else changed the team meanwhile).
   */
  private static String change(Supplier<String> change, Function<List<String>, String> refused) {
    try {
      return change.get();
    } catch (InvalidInput e) {
      return refused.apply(codes(e));
    } catch (StaleVersion e) {
      return refused.apply(List.of("stale"));
    }
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "admin/not-found";
  }

  private String page(Model model, @Nullable Refused refused) {
    model.addAttribute("tree", teams.tree());
    model.addAttribute("refused", refused);
    return "admin/teams";
  }

  private static List<String> codes(InvalidInput e) {
    return e.errors().stream().map(InvalidInput.FieldError::code).toList();
  }
}
