package org.guanxi.crm.platform.internal.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "What the CRM tells you: due tasks and the like")
class NotificationApi {

  static final int MAX_LIMIT = 200;

  /** A notification with its heading in the caller's language. */
  record Item(
      UUID id,
      String kind,
      String heading,
      String text,
      @Nullable String link,
      Instant createdAt,
      @Nullable Instant readAt) {}

  record NotificationList(long unread, List<Item> items, @Nullable String nextCursor) {}

  private final NotificationStore store;
  private final MessageSource messages;

  NotificationApi(NotificationStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  @GetMapping
  @PreAuthorize("isAuthenticated()")
  @Operation(
      summary = "Your notifications",
      description =
          "Newest first, kept 30 days; unread=true for the unread ones. unread counts them.")
  NotificationList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    SqlPage.checkLimit(limit, MAX_LIMIT);
    SqlPage<Notification> page = store.list(user.id(), unread, SqlPage.Request.of(cursor, limit));
    return new NotificationList(
        store.unread(user.id()),
        page.items().stream()
            .map(
                n ->
                    new Item(
                        n.id(),
                        n.messageKey(),
                        messages.getMessage(
                            n.messageKey(), null, n.messageKey(), LocaleContextHolder.getLocale()),
                        n.text(),
                        n.link(),
                        n.createdAt(),
                        n.readAt()))
            .toList(),
        page.nextCursor());
  }

  @PostMapping("/{id}/read")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Mark a notification read")
  ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    store.find(user.id(), id).orElseThrow(() -> new RecordNotFound("notification", id));
    store.markRead(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/read")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Mark all your notifications read")
  ResponseEntity<Void> readAll(@AuthenticationPrincipal CurrentUser user) {
    store.markRead(user.id(), null);
    return ResponseEntity.noContent().build();
  }
}
