package org.guanxi.crm.opportunities.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.guanxi.crm.catalogue.LinePricing;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.opportunities.Opportunities;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.opportunities.OpportunityLost;
import org.guanxi.crm.opportunities.OpportunityWon;
import org.guanxi.crm.orders.OrderDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.orders.Orders;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals: creating and changing them, moving them through the stages of their pipeline, winning and
 * losing them (with a reason), reopening them, and making the order of a won deal. A user works on
 * the deals they may see ({@link OpportunityStore#holding}), for customers they may see.
 */
@Service
class OpportunityService implements Opportunities {

  static final String KIND = "opportunity";

  /**
   * A move to another stage, of this pipeline or another; the probability defaults to the stage's.
   */
  record Move(@NotNull UUID stageId, @Nullable @Min(0) @Max(100) Integer probability) {}

  /** Winning, optionally making the order at once: DRAFT, or CONFIRMED to place it. */
  record Win(@Nullable @Size(max = 1000) String reason, @Nullable OrderStatus order) {}

  /** Losing: a reason is required, a note may say more. */
  record Loss(@NotNull OpportunityLossReason reason, @Nullable @Size(max = 1000) String note) {}

  /** Reopening into a stage, the one it was closed in when left out. */
  record Reopening(@Nullable UUID stageId) {}

  /** The order of a won deal: DRAFT when left out, or CONFIRMED to place it. */
  record OrderRequest(@Nullable OrderStatus status) {}

  private final OpportunityStore store;
  private final PipelineService pipelines;
  private final ForecastStore forecast;
  private final Orders orders;
  private final Customers customers;
  private final LinePricing pricing;
  private final UserDirectory users;
  private final Owners owners;
  private final InputValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkspaceTime time;

  OpportunityService(
      OpportunityStore store,
      PipelineService pipelines,
      ForecastStore forecast,
      Orders orders,
      Customers customers,
      LinePricing pricing,
      UserDirectory users,
      Owners owners,
      InputValidation validation,
      ApplicationEventPublisher events,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.pipelines = pipelines;
    this.forecast = forecast;
    this.orders = orders;
    this.customers = customers;
    this.pricing = pricing;
    this.users = users;
    this.owners = owners;
    this.validation = validation;
    this.events = events;
    this.clock = clock;
    this.time = time;
  }

  @Transactional
  Opportunity create(CurrentUser user, OpportunityDraft draft) {
    return create(user, draft, null);
  }

  /** Creates a deal; {@code leadId} names the lead whose conversion opened it. */
  @Transactional
  @Override
  public UUID openFromLead(CurrentUser user, OpportunityDraft draft, UUID leadId) {
    return create(user, draft, leadId).id();
  }

  Opportunity create(CurrentUser user, OpportunityDraft draft, @Nullable UUID leadId) {
    validation.check(draft);
    CustomerSummary customer = customers.require(user, draft.customerId());
    // the pipeline named, else the one of the stage named, else the default one
    Pipeline pipeline =
        draft.pipelineId() != null
            ? pipelines.list().stream()
                .filter(p -> p.id().equals(draft.pipelineId()))
                .findFirst()
                .orElseThrow(
                    () -> new InvalidInput("pipelineId", "unknown-pipeline", "No such pipeline"))
            : draft.stageId() != null ? pipelineOf(draft.stageId()) : pipelines.defaultPipeline();
    Pipeline.Stage stage =
        draft.stageId() == null ? pipeline.firstStage() : stageOf(pipeline, draft.stageId());
    UserSummary owner = owners.choose(user, draft.ownerId(), null, "deals");
    List<Opportunity.Line> lines = settle(user, customer, draft, true);
    UUID id = Ids.newId();
    store.insert(
        id,
        content(
            draft,
            customer,
            leadId,
            pipeline.id(),
            stage.id(),
            owner.id(),
            owner.teamId(),
            draft.probability() == null ? stage.probability() : draft.probability(),
            lines),
        user.id(),
        now());
    return get(user, id);
  }

  Opportunity get(CurrentUser user, UUID id) {
    Opportunity deal =
        store
            .find(RecordAccess.visible(user, OpportunityStore.holding("o")), id)
            .orElseThrow(() -> new RecordNotFound(KIND, id));
    return deal.withOwnerName(users.displayName(deal.ownerId()));
  }

  OpportunityStore.Page list(CurrentUser user, OpportunityQuery query) {
    SqlPage.checkLimit(query.limit(), OpportunityQuery.MAX_LIMIT);
    OpportunityStore.Page page =
        store.list(RecordAccess.visible(user, OpportunityStore.holding("o")), query);
    return new OpportunityStore.Page(named(page.items()), page.nextCursor());
  }

  /** The deals the user may see whose name holds {@code text} (the search box). */
  List<Opportunity> named(CurrentUser user, String text, int limit) {
    return named(
        store.named(RecordAccess.visible(user, OpportunityStore.holding("o")), text, limit));
  }

  /**
   * The open deals the user may see that are expected to close this month (in the workspace's
   * zone), soonest first: the home page's list.
   */
  List<Opportunity> closingThisMonth(CurrentUser user, int limit) {
    java.time.YearMonth month = java.time.YearMonth.from(time.today());
    return named(
        store.openClosingBetween(
            RecordAccess.visible(user, OpportunityStore.holding("o")),
            month.atDay(1),
            month.atEndOfMonth(),
            limit));
  }

  /**
   * The board's columns: for each stage, the open deals the user may see, soonest expected close
   * first, up to {@code limit}.
   */
  Map<UUID, List<Opportunity>> columns(CurrentUser user, List<UUID> stageIds, int limit) {
    RecordAccess.Condition visible = RecordAccess.visible(user, OpportunityStore.holding("o"));
    Function<UUID, @Nullable String> names = users.displayNames();
    Map<UUID, List<Opportunity>> columns = new LinkedHashMap<>();
    for (UUID stageId : stageIds) {
      columns.put(stageId, named(store.openInStage(visible, stageId, limit), names));
    }
    return columns;
  }

  /**
   * Changes a deal. A change of stage moves it (as {@link #move}); a closed deal keeps its figures,
   * owner, customer and stage, and only its name, next step, competitors and description change.
   */
  @Transactional
  Opportunity update(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, OpportunityDraft draft) {
    validation.check(draft);
    Opportunity current = current(user, id, expectedVersion);
    if (!current.isOpen() && !sameTerms(current.draft(), draft)) {
      throw closed("Only the name, next step, competitors and description of a closed deal change");
    }
    if (draft.pipelineId() != null
        && !draft.pipelineId().equals(current.pipelineId())
        && Objects.equals(draft.stageId(), current.stageId())) {
      throw new InvalidInput(
          "stageId", "stage-not-in-pipeline", "Name a stage of the pipeline to move the deal to");
    }
    long version = current.version();
    boolean moved = draft.stageId() != null && !draft.stageId().equals(current.stageId());
    if (moved) {
      Integer probability =
          draft.probability() != null && draft.probability() != current.probability()
              ? draft.probability()
              : null;
      current = move(user, id, version, new Move(draft.stageId(), probability));
      version = current.version();
    }
    CustomerSummary customer = customers.require(user, draft.customerId());
    UserSummary owner = owners.choose(user, draft.ownerId(), current.ownerId(), "deals");
    List<Opportunity.Line> lines = settle(user, customer, draft, false);
    int probability =
        moved || draft.probability() == null ? current.probability() : draft.probability();
    OpportunityStore.Content content =
        content(
            draft,
            customer,
            current.leadId(),
            current.pipelineId(),
            current.stageId(),
            owner.id(),
            owner.id().equals(current.ownerId()) ? current.teamId() : owner.teamId(),
            probability,
            lines);
    StaleVersion.unless(
        store.update(id, version, content, now()), KIND, () -> get(user, id).version());
    return get(user, id);
  }

  /** Moves an open deal to another stage: its probability becomes the stage's unless given. */
  @Transactional
  Opportunity move(CurrentUser user, UUID id, @Nullable Long expectedVersion, Move move) {
    validation.check(move);
    Opportunity current = current(user, id, expectedVersion);
    if (!current.isOpen()) {
      throw closed("Reopen a closed deal before moving it");
    }
    Pipeline pipeline = pipelineOf(move.stageId());
    Pipeline.Stage stage = stageOf(pipeline, move.stageId());
    if (stage.id().equals(current.stageId())
        && (move.probability() == null || move.probability() == current.probability())) {
      return current;
    }
    int probability = move.probability() == null ? stage.probability() : move.probability();
    StaleVersion.unless(
        store.move(
            id,
            current.version(),
            new OpportunityStore.Entering(
                pipeline.id(), stage.id(), probability, user.id(), now())),
        KIND,
        () -> get(user, id).version());
    return get(user, id);
  }

  /** Wins an open deal, and makes its order at once when asked to. */
  @Transactional
  Opportunity win(CurrentUser user, UUID id, @Nullable Long expectedVersion, Win win) {
    validation.check(win);
    Opportunity won =
        close(user, id, expectedVersion, OpportunityStatus.WON, text(win.reason()), null, null);
    return win.order() == null ? won : makeOrder(user, won, win.order());
  }

  @Transactional
  Opportunity lose(CurrentUser user, UUID id, @Nullable Long expectedVersion, Loss loss) {
    validation.check(loss);
    return close(
        user, id, expectedVersion, OpportunityStatus.LOST, null, loss.reason(), text(loss.note()));
  }

  /** Opens a won or lost deal again; one whose order was made stays won. */
  @Transactional
  Opportunity reopen(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, Reopening reopening) {
    Opportunity current = current(user, id, expectedVersion);
    if (current.isOpen()) {
      throw new InvalidInput("status", "opportunity-open", "The deal is open");
    }
    if (current.orderId() != null) {
      throw new InvalidInput(
          "orderId", "order-made", "A won deal whose order was made cannot be reopened");
    }
    UUID stageId = reopening.stageId() == null ? current.stageId() : reopening.stageId();
    Pipeline pipeline = pipelineOf(stageId);
    Pipeline.Stage stage = stageOf(pipeline, stageId);
    forecast.uncountClosed(id);
    StaleVersion.unless(
        store.reopen(
            id,
            current.version(),
            new OpportunityStore.Entering(
                pipeline.id(), stage.id(), stage.probability(), user.id(), now())),
        KIND,
        () -> get(user, id).version());
    return get(user, id);
  }

  /**
   * Makes the order of a won deal with its lines (or, without lines, one line of its name and
   * amount) through the order rules, and links it to the deal.
   */
  @Transactional
  Opportunity order(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, OrderRequest request) {
    Opportunity current = current(user, id, expectedVersion);
    return makeOrder(
        user, current, request.status() == null ? OrderStatus.DRAFT : request.status());
  }

  @Transactional
  void delete(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Opportunity current = current(user, id, expectedVersion);
    if (!current.isOpen()) {
      forecast.uncountClosed(id);
    }
    StaleVersion.unless(store.delete(id, current.version()), KIND, () -> get(user, id).version());
  }

  /** The users the caller may give deals to: anyone, the own teams' members, or oneself. */
  List<UserSummary> assignableOwners(CurrentUser user) {
    return owners.assignable(user);
  }

  LocalDate today() {
    return time.today();
  }

  private Opportunity makeOrder(CurrentUser user, Opportunity deal, OrderStatus status) {
    if (deal.status() != OpportunityStatus.WON) {
      throw new InvalidInput("status", "not-won", "Only a won deal's order can be made");
    }
    if (deal.orderId() != null) {
      throw new InvalidInput("orderId", "order-made", "This deal's order was made already");
    }
    if (status != OrderStatus.DRAFT && status != OrderStatus.CONFIRMED) {
      throw new InvalidInput(
          "status", "invalid-initial-status", "A new order is DRAFT or CONFIRMED");
    }
    List<OrderDraft.Line> lines =
        deal.lines().isEmpty()
            ? List.of(
                new OrderDraft.Line(
                    null, deal.name(), BigDecimal.ONE, deal.amount(), BigDecimal.ZERO, null))
            : deal.lines().stream()
                .map(
                    l ->
                        new OrderDraft.Line(
                            l.productId(),
                            l.description(),
                            l.quantity(),
                            l.unitPrice(),
                            l.discountPercent(),
                            null))
                .toList();
    boolean ownerActive = users.find(deal.ownerId()).map(UserSummary::active).orElse(false);
    UUID orderId =
        orders.createOrder(
            user,
            new OrderDraft(
                deal.customerId(),
                null,
                null,
                deal.currency(),
                ownerActive ? deal.ownerId() : null,
                status,
                deal.name(),
                lines));
    StaleVersion.unless(
        store.linkOrder(deal.id(), deal.version(), orderId, now()),
        KIND,
        () -> get(user, deal.id()).version());
    return get(user, deal.id());
  }

  /** Closes an open deal as {@code closing} says for it, and counts it; the deal as it was. */
  /**
   * Closes an open deal as won (with the rep's reason, if any) or lost (with a reason and a note),
   * counts it in the forecast and tells the customer's timeline; the deal as it is now.
   */
  private Opportunity close(
      CurrentUser user,
      UUID id,
      @Nullable Long expectedVersion,
      OpportunityStatus status,
      @Nullable String wonReason,
      @Nullable OpportunityLossReason lostReason,
      @Nullable String lostNote) {
    Opportunity current = current(user, id, expectedVersion);
    if (!current.isOpen()) {
      throw closed("The deal is closed already");
    }
    boolean won = status == OpportunityStatus.WON;
    Instant now = now();
    OpportunityStore.Closing closing =
        new OpportunityStore.Closing(
            status, won ? 100 : 0, today(), cycleDays(current), wonReason, lostReason, lostNote);
    StaleVersion.unless(
        store.close(id, current.version(), closing, now), KIND, () -> get(user, id).version());
    forecast.countClosed(id);
    events.publishEvent(
        won
            ? new OpportunityWon(
                user.workspaceId(),
                id,
                current.customerId(),
                current.name(),
                current.amount(),
                current.currency(),
                wonReason,
                now,
                user.displayName(),
                user.id())
            : new OpportunityLost(
                user.workspaceId(),
                id,
                current.customerId(),
                current.name(),
                current.amount(),
                current.currency(),
                Objects.requireNonNull(lostReason).name(),
                lostNote,
                now,
                user.displayName(),
                user.id()));
    return get(user, id);
  }

  private int cycleDays(Opportunity deal) {
    LocalDate created = time.dateOf(deal.createdAt());
    return (int) Math.max(0, ChronoUnit.DAYS.between(created, today()));
  }

  /** The deal as the user may change it, at the version the user read when one is given. */
  private Opportunity current(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Opportunity current = get(user, id);
    StaleVersion.check(KIND, expectedVersion, current.version());
    return current;
  }

  private List<Opportunity> named(List<Opportunity> deals) {
    return named(deals, users.displayNames());
  }

  /** The deals with their owners' names, as {@code names} gives them. */
  private List<Opportunity> named(List<Opportunity> deals, Function<UUID, @Nullable String> names) {
    return deals.stream().map(o -> o.withOwnerName(names.apply(o.ownerId()))).toList();
  }

  private OpportunityStore.Content content(
      OpportunityDraft draft,
      CustomerSummary customer,
      @Nullable UUID leadId,
      UUID pipelineId,
      UUID stageId,
      UUID ownerId,
      @Nullable UUID teamId,
      int probability,
      List<Opportunity.Line> lines) {
    BigDecimal amount;
    if (!lines.isEmpty()) {
      amount =
          lines.stream().map(Opportunity.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (draft.amount() != null && draft.amount().compareTo(amount) != 0) {
        throw new InvalidInput(
            "amount", "amount-from-lines", "With lines, the amount is their total: leave it out");
      }
    } else if (draft.amount() == null) {
      throw new InvalidInput("amount", "required", "Give the amount, or the deal's products");
    } else {
      amount = draft.amount();
    }
    return new OpportunityStore.Content(
        draft.name().strip(),
        customer.id(),
        leadId,
        pipelineId,
        stageId,
        ownerId,
        teamId,
        amount,
        currency(draft),
        probability,
        draft.expectedCloseDate(),
        text(draft.nextStep()),
        draft.competitorsOrEmpty(),
        text(draft.description()),
        lines);
  }

  private static String currency(OpportunityDraft draft) {
    return draft.currency() == null ? Currencies.DEFAULT : draft.currency();
  }

  /**
   * The lines with their prices settled: a product's name and the customer's price (price list,
   * else list price) fill what a line leaves out.
   */
  private List<Opportunity.Line> settle(
      CurrentUser user, CustomerSummary customer, OpportunityDraft draft, boolean newDeal) {
    return pricing.price(user, customer, currency(draft), draft.inputs(), newDeal).stream()
        .map(
            l ->
                new Opportunity.Line(
                    l.position(),
                    l.productId(),
                    l.description(),
                    l.quantity(),
                    l.unitPrice(),
                    l.discountPercent(),
                    l.amount()))
        .toList();
  }

  private Pipeline pipelineOf(UUID stageId) {
    return pipelines.list().stream()
        .filter(p -> p.stage(stageId).isPresent())
        .findFirst()
        .orElseThrow(() -> new InvalidInput("stageId", "unknown-stage", "There is no such stage"));
  }

  private static Pipeline.Stage stageOf(Pipeline pipeline, UUID stageId) {
    return pipeline
        .stage(stageId)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "stageId", "stage-not-in-pipeline", "The pipeline has no such stage"));
  }

  /** The deal's owner: the caller unless another is named, whom the caller may then assign. */
  /** Whether a change leaves what a closed deal keeps as it is. */
  private static boolean sameTerms(OpportunityDraft current, OpportunityDraft changed) {
    return current.customerId().equals(changed.customerId())
        && (changed.pipelineId() == null || changed.pipelineId().equals(current.pipelineId()))
        && (changed.stageId() == null || changed.stageId().equals(current.stageId()))
        && LinePricing.sameNumber(current.amount(), changed.amount())
        && current.currency().equals(currency(changed))
        && (changed.probability() == null || changed.probability().equals(current.probability()))
        && current.expectedCloseDate().equals(changed.expectedCloseDate())
        && (changed.ownerId() == null || changed.ownerId().equals(current.ownerId()))
        && LinePricing.Input.same(current.inputs(), changed.inputs());
  }

  private static InvalidInput closed(String message) {
    return new InvalidInput("status", "opportunity-closed", message);
  }

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
