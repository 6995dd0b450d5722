package org.guanxi.crm.opportunities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.orders.OrderPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(
    name = "Opportunities",
    description =
        "Deals with customers moving through the stages of a pipeline until they are won or lost")
class OpportunityApi {

  record OpportunityList(List<Opportunity> items, @Nullable String nextCursor) {}

  private final OpportunityService opportunities;
  private final ForecastService forecasts;

  OpportunityApi(OpportunityService opportunities, ForecastService forecasts) {
    this.opportunities = opportunities;
    this.forecasts = forecasts;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Create an opportunity",
      description =
          "name, customerId and expectedCloseDate are required, and amount unless lines give it. The pipeline defaults to the default one, the stage to its first, the probability to the stage's, the owner to you. Honours Idempotency-Key.")
  ResponseEntity<Opportunity> create(
      @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody OpportunityDraft draft) {
    Opportunity created = opportunities.create(user, draft);
    return VersionedResponses.created("/api/v1/opportunities/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(
      summary = "List opportunities",
      description =
          "The deals you may see (a rep's own, a manager's team's), newest first, paged by cursor.")
  OpportunityList list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID pipelineId,
      @RequestParam(required = false) @Nullable UUID stageId,
      @RequestParam(required = false) @Nullable UUID ownerId,
      @RequestParam(required = false) @Nullable OpportunityStatus status,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    OpportunityStore.Page page =
        opportunities.list(
            user,
            new OpportunityQuery(pipelineId, stageId, ownerId, status, customerId, cursor, limit));
    return new OpportunityList(page.items(), page.nextCursor());
  }

  @GetMapping("/forecast")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(
      summary = "The weighted forecast",
      description =
          "Of the deals you may see (a manager: the team's), in one currency (default: the workspace's base currency, CNY unless an administrator chose another), months from/to as 2026-01 (default: the past six months to five ahead): won, open and weighted open (amount × probability) per month, rep and team; for deals closed in the period the win rate and average days per stage they went through, the overall win rate and the average days to win."
              + " inBaseCurrency adds the deals of every currency up per month in the base currency, each month at the rate valid on its last day (months ahead: the latest rate); a month that needs a missing rate has null amounts and missingRates names the currency and day.")
  Forecast forecast(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable YearMonth from,
      @RequestParam(required = false) @Nullable YearMonth to,
      @RequestParam(required = false) @Nullable String currency,
      @RequestParam(required = false) @Nullable UUID pipelineId) {
    return forecasts.forecast(user, from, to, currency, pipelineId);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  @Operation(summary = "Read an opportunity with its lines")
  ResponseEntity<Opportunity> get(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(opportunities.get(user, id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Change an opportunity",
      description =
          "A JSON merge patch (lines are replaced as a whole). A new stageId moves the deal. A closed deal changes only its name, next step, competitors and description.")
  ResponseEntity<Opportunity> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(
        patch.applyAt(
            OpportunityService.KIND,
            user,
            id,
            opportunities::get,
            Opportunity::draft,
            opportunities::update));
  }

  @PostMapping("/{id}/stage")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Move an opportunity to another stage",
      description =
          "{\"stageId\"} of its pipeline or another; the probability becomes the stage's unless given.")
  ResponseEntity<Opportunity> move(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @Valid @RequestBody OpportunityService.Move move) {
    return VersionedResponses.ok(opportunities.move(user, id, ifMatch.version(), move));
  }

  @PostMapping("/{id}/win")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Mark an opportunity won",
      description =
          "{\"reason\"} is optional; {\"order\": \"DRAFT\"|\"CONFIRMED\"} also makes its order. Publishes OpportunityWon.")
  ResponseEntity<Opportunity> win(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @Valid @RequestBody(required = false) OpportunityService.@Nullable Win win) {
    if (win != null && win.order() != null) {
      mayOrder(user);
    }
    return VersionedResponses.ok(
        opportunities.win(
            user,
            id,
            ifMatch.version(),
            win == null ? new OpportunityService.Win(null, null) : win));
  }

  @PostMapping("/{id}/lose")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Mark an opportunity lost",
      description =
          "{\"reason\": PRICE|COMPETITOR|NO_BUDGET|NO_DECISION|TIMING|PRODUCT_FIT|OTHER} is required, \"note\" optional. Publishes OpportunityLost.")
  ResponseEntity<Opportunity> lose(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @Valid @RequestBody OpportunityService.Loss loss) {
    return VersionedResponses.ok(opportunities.lose(user, id, ifMatch.version(), loss));
  }

  @PostMapping("/{id}/reopen")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Reopen a won or lost opportunity",
      description =
          "Into {\"stageId\"}, or the stage it was closed in. A won deal whose order was made stays won.")
  ResponseEntity<Opportunity> reopen(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody(required = false) OpportunityService.@Nullable Reopening reopening) {
    return VersionedResponses.ok(
        opportunities.reopen(
            user,
            id,
            ifMatch.version(),
            reopening == null ? new OpportunityService.Reopening(null) : reopening));
  }

  @PostMapping("/{id}/order")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(
      summary = "Make the order of a won opportunity",
      description =
          "An order for the customer with the deal's lines (or one line of its name and amount), {\"status\": \"DRAFT\"} (default) or \"CONFIRMED\" to place it; the deal links to it.")
  ResponseEntity<Opportunity> order(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      IfMatch ifMatch,
      @RequestBody(required = false) OpportunityService.@Nullable OrderRequest request) {
    mayOrder(user);
    return VersionedResponses.ok(
        opportunities.order(
            user,
            id,
            ifMatch.version(),
            request == null ? new OpportunityService.OrderRequest(null) : request));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  @Operation(summary = "Delete an opportunity")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    opportunities.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }

  /** Making the order of a deal is making an order. */
  private static void mayOrder(CurrentUser user) {
    if (!user.can(OrderPermissions.ORDER_WRITE)) {
      throw new AccessDeniedException("ORDER_WRITE");
    }
  }
}
