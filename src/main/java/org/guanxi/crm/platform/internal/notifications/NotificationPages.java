package org.guanxi.crm.platform.internal.notifications;

import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The bell at the top of every page (its unread count, fetched again every 30 seconds by htmx, so
 * that it changes without a reload) and the notifications page.
 */
@Controller
class NotificationPages {

  private final NotificationStore store;

  NotificationPages(NotificationStore store) {
    this.store = store;
  }

  @GetMapping("/notifications/bell")
  @PreAuthorize("isAuthenticated()")
  String bell(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("unread", store.unread(user.id()));
    return "platform/notifications :: bell";
  }

  @GetMapping("/notifications")
  @PreAuthorize("isAuthenticated()")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable String cursor,
      Model model) {
    SqlPage<Notification> page = store.list(user.id(), false, SqlPage.Request.of(cursor, 50));
    model.addAttribute("notifications", page.items());
    model.addAttribute("nextCursor", page.nextCursor());
    model.addAttribute("unread", store.unread(user.id()));
    return "platform/notifications";
  }

  /** Opens what a notification is about, marking it read. */
  @PostMapping("/notifications/{id}/open")
  @PreAuthorize("isAuthenticated()")
  String open(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    Notification opened =
        store.find(user.id(), id).orElseThrow(() -> new RecordNotFound("notification", id));
    store.markRead(user.id(), id);
    String link = opened.link();
    // only a page of the CRM itself, never another site
    boolean local = link != null && link.startsWith("/") && !link.startsWith("//");
    return "redirect:" + (local ? link : "/notifications");
  }

  @PostMapping("/notifications/read")
  @PreAuthorize("isAuthenticated()")
  String readAll(@AuthenticationPrincipal CurrentUser user) {
    store.markRead(user.id(), null);
    return "redirect:/notifications";
  }

  /** Another user's notification, or one that is gone: not found. */
  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(Model model) {
    model.addAttribute("status", HttpStatus.NOT_FOUND.value());
    return "error";
  }
}
