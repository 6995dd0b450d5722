package org.guanxi.crm.platform.internal.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
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
 * The signed-in user's own API tokens. A new token is shown in the answer to the form itself, not
 * after a redirect, so that it is never kept in the session.
 */
@Controller
@RequestMapping("/me/tokens")
class PersonalTokenPages {

  private final PersonalTokens tokens;

  PersonalTokenPages(PersonalTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  @PreAuthorize("isAuthenticated()")
  String list(@AuthenticationPrincipal CurrentUser user, Model model) {
    return page(user, model);
  }

  @PostMapping
  @PreAuthorize("isAuthenticated()")
  String issue(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String name,
      HttpServletResponse response,
      Model model) {
    try {
      model.addAttribute("issued", tokens.issue(user.id(), name));
      response.setHeader("Cache-Control", "no-store");
    } catch (InvalidInput e) {
      model.addAttribute("nameError", e.errors().get(0).code());
      model.addAttribute("typedName", name);
    }
    return page(user, model);
  }

  @PostMapping("/{tokenId}/revoke")
  @PreAuthorize("isAuthenticated()")
  String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID tokenId) {
    tokens.revoke(user.id(), tokenId);
    return "redirect:/me/tokens?revoked";
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "admin/not-found";
  }

  private String page(CurrentUser user, Model model) {
    model.addAttribute("tokens", tokens.of(user.id()));
    return "admin/tokens";
  }
}
