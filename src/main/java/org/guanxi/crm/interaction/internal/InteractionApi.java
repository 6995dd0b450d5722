package org.guanxi.crm.interaction.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/interactions")
@Tag(
    name = "Interactions",
    description =
        "Follow-up records (跟进记录): calls, visits, meetings, e-mails, WeChat, SMS, fax and web contacts")
class InteractionApi {

  static final int MAX_LIMIT = 200;

  record InteractionList(List<InteractionView> items, @Nullable String nextCursor) {}

  /**
   * The list's filters: a customer, one of its contacts, an author, a channel, a period ({@code
   * from} inclusive, {@code to} exclusive), and the page.
   */
  record Filter(
      @Nullable UUID customerId,
      @Nullable UUID contactId,
      @Nullable UUID authorId,
      @Nullable Channel channel,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable String cursor,
      @Nullable Integer limit) {

    InteractionStore.Query query() {
      return new InteractionStore.Query(
          customerId,
          contactId,
          authorId,
          channel,
          from,
          to,
          cursor,
          SqlPage.checkLimit(limit == null ? 50 : limit, MAX_LIMIT));
    }
  }

  private final InteractionService interactions;

  InteractionApi(InteractionService interactions) {
    this.interactions = interactions;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  @Operation(
      summary = "Record an interaction with a customer",
      description =
          "customerId (a customer you see), channel (CALL, VISIT, MEETING, EMAIL, WECHAT, SMS, FAX, WEB) and summary"
              + " are required; contactId (one of the customer's contacts), direction (default OUTBOUND),"
              + " occurredAt (default now; not in the future), durationMinutes, participants, outcome, rating"
              + " (1-5) with ratingComment, nextFollowUpOn (today or later), and for a visit or meeting place,"
              + " latitude and longitude (a check-in). It appears on the customer's timeline and, recorded by the"
              + " customer's owner, counts as following the customer up. Honours Idempotency-Key.")
  ResponseEntity<InteractionView> record(
      @AuthenticationPrincipal CurrentUser user, @RequestBody InteractionDraft draft) {
    InteractionView recorded = interactions.record(user, draft);
    return VersionedResponses.created(
        "/api/v1/interactions/" + recorded.interaction().id(), recorded);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  @Operation(
      summary = "List the interactions with the customers you see",
      description = "Newest first; paged by cursor (limit 1-200, default 50).")
  InteractionList list(@AuthenticationPrincipal CurrentUser user, @ParameterObject Filter filter) {
    SqlPage<InteractionView> page = interactions.list(user, filter.query());
    return new InteractionList(page.items(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('INTERACTION_READ')")
  @Operation(summary = "Read an interaction")
  ResponseEntity<InteractionView> get(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(interactions.get(user, id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  @Operation(
      summary = "Change an interaction",
      description =
          "A JSON merge patch, by its author within the workspace's edit window (403 not-interaction-author,"
              + " 409 edit-window-closed). The customer stays.")
  ResponseEntity<InteractionView> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.apply(user, id, interactions::editable, Interaction::draft, interactions::update));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('INTERACTION_WRITE')")
  @Operation(
      summary = "Delete an interaction",
      description =
          "By its author within the workspace's edit window; the timeline keeps that it was.")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    interactions.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
