package org.guanxi.crm.opportunities.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.catalogue.LineInput;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.opportunities.OpportunityDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.ListRows;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The deal pages: the list with its filters, the board (kanban) of a pipeline where a card dragged
 * to another column moves the deal through htmx, a deal's page with its won and lost dialogs, and
 * the form.
 */
@Controller
@RequestMapping("/opportunities")
class OpportunityPages {

  /** How many cards a board column shows; the list shows the rest. */
  static final int COLUMN_SIZE = 50;

  /** How many product rows the form offers. */
  static final int FORM_LINES = 5;

  /** The form as typed, kept to show it again when it is refused. */
  record Form(
      String name,
      String amount,
      String currency,
      String probability,
      String expectedCloseDate,
      String ownerId,
      String stageId,
      String nextStep,
      String competitors,
      String description,
      List<LineInput> lines) {}

  private final OpportunityService opportunities;
  private final PipelineService pipelines;
  private final ForecastStore forecast;
  private final Products products;
  private final Customers customers;

  OpportunityPages(
      OpportunityService opportunities,
      PipelineService pipelines,
      ForecastStore forecast,
      Products products,
      Customers customers) {
    this.opportunities = opportunities;
    this.pipelines = pipelines;
    this.forecast = forecast;
    this.products = products;
    this.customers = customers;
  }

  /** The filters of the list. */
  record Filter(
      @Nullable UUID pipelineId,
      @Nullable UUID stageId,
      @Nullable UUID ownerId,
      @Nullable OpportunityStatus status) {}

  /** The list, or its rows ({@code /rows}): the filters and the "more" button fetch these. */
  @GetMapping({"", "/rows"})
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String list(ListRows list, Filter filter) {
    OpportunityStore.Page page =
        opportunities.list(
            list.user(),
            new OpportunityQuery(
                filter.pipelineId(),
                filter.stageId(),
                filter.ownerId(),
                filter.status(),
                null,
                list.cursor(),
                50));
    if (!list.fragment()) {
      list.model().addAttribute("pipelines", pipelines.list());
      list.model().addAttribute("owners", opportunities.assignableOwners(list.user()));
      list.model().addAttribute("statuses", OpportunityStatus.values());
    }
    return list.show("opportunities/opportunities", filter, page.items(), page.nextCursor());
  }

  @GetMapping("/board")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String board(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID pipelineId,
      Model model) {
    List<Pipeline> all = pipelines.list();
    Pipeline pipeline =
        pipelineId == null
            ? pipelines.defaultPipeline()
            : all.stream()
                .filter(p -> p.id().equals(pipelineId))
                .findFirst()
                .orElseThrow(() -> new RecordNotFound(PipelineService.KIND, pipelineId));
    Map<UUID, List<Opportunity>> columns =
        opportunities.columns(
            user, pipeline.stages().stream().map(Pipeline.Stage::id).toList(), COLUMN_SIZE + 1);
    model.addAttribute("pipelines", all);
    model.addAttribute("pipeline", pipeline);
    model.addAttribute("columns", columns);
    model.addAttribute("totals", totals(user, pipeline.id()));
    model.addAttribute("baseCurrency", forecast.baseCurrency());
    model.addAttribute("columnSize", COLUMN_SIZE);
    return "opportunities/opportunity-board";
  }

  /** A column's count and amounts, fetched again after a card moved. */
  @GetMapping("/board/totals")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String boardTotals(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam UUID pipelineId,
      @RequestParam UUID stageId,
      Model model) {
    model.addAttribute("stageId", stageId);
    model.addAttribute("pipelineId", pipelineId);
    model.addAttribute("totals", totals(user, pipelineId));
    model.addAttribute("baseCurrency", forecast.baseCurrency());
    return "opportunities/opportunity-board :: total";
  }

  /** The pipelines as options of a select, for forms of other pages (the lead conversion). */
  @GetMapping("/pipeline-options")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String pipelineOptions(Model model) {
    model.addAttribute("pipelines", pipelines.list());
    return "opportunities/opportunity-form :: pipelineOptions";
  }

  @GetMapping("/new")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String newOpportunity(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      Model model) {
    List<LineInput> lines = LineInput.padded(List.of(), FORM_LINES);
    Form form =
        new Form(
            "",
            "",
            Currencies.DEFAULT,
            "",
            opportunities.today().plusMonths(1).toString(),
            user.id().toString(),
            "",
            "",
            "",
            "",
            lines);
    return form(user, model, customerId, form, null, null);
  }

  @PostMapping
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      @RequestParam MultiValueMap<String, String> input,
      Model model) {
    Form form = typed(input);
    try {
      if (customerId == null) {
        throw new InvalidInput("customerId", "unknown-customer", "Choose a customer");
      }
      return "redirect:/opportunities/"
          + opportunities.create(user, draft(form, customerId, null)).id();
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      return form(user, model, customerId, form, null, null);
    }
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Opportunity deal = opportunities.get(user, id);
    model.addAttribute("deal", deal);
    model.addAttribute("pipeline", pipelines.get(deal.pipelineId()));
    model.addAttribute("lossReasons", OpportunityLossReason.values());
    return "opportunities/opportunity";
  }

  @GetMapping("/{id}/edit")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Opportunity deal = opportunities.get(user, id);
    return form(user, model, deal.customerId(), formOf(deal), id, deal.version());
  }

  @PostMapping("/{id}")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String update(PageChange change, @RequestParam MultiValueMap<String, String> input) {
    CurrentUser user = change.user();
    UUID id = change.id();
    Model model = change.model();
    Opportunity current = opportunities.get(user, id);
    Form form = typed(input);
    try {
      opportunities.update(user, id, change.version(), draft(form, current.customerId(), current));
      return "redirect:/opportunities/" + id;
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      return form(user, model, current.customerId(), form, id, change.version());
    } catch (StaleVersion e) {
      // the form now carries the version the user was warned about: saving again goes through
      model.addAttribute("conflict", true);
      return form(user, model, current.customerId(), form, id, current.version());
    }
  }

  /**
   * Moves a deal to another stage. From the board (htmx) the answer is the card as it is now; a
   * stale card or a refused move reloads the board, so that it shows where deals really are.
   */
  @PostMapping("/{id}/stage")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String move(
      PageChange change,
      @RequestParam(required = false) @Nullable UUID stageId,
      HttpServletResponse response) {
    return change.make(
        () -> {
          if (stageId == null) {
            throw new InvalidInput("stageId", "notnull", "Choose a stage");
          }
          Opportunity moved =
              opportunities.move(
                  change.user(),
                  change.id(),
                  change.version(),
                  new OpportunityService.Move(stageId, null));
          if (!change.htmx()) {
            return "redirect:/opportunities/" + change.id();
          }
          response.setHeader("HX-Trigger", "opportunity-moved");
          change.model().addAttribute("deal", moved);
          return "opportunities/opportunity-board :: card";
        },
        () -> {
          if (!change.htmx()) {
            return show(change.user(), change.id(), change.model());
          }
          response.setHeader("HX-Refresh", "true");
          response.setStatus(HttpStatus.CONFLICT.value());
          return "opportunities/opportunity-board :: nothing";
        });
  }

  @PostMapping("/{id}/win")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String win(PageChange change, OpportunityService.Win win) {
    return act(change, opportunities::win, win);
  }

  @PostMapping("/{id}/lose")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String lose(PageChange change, OpportunityService.Loss loss) {
    return act(change, opportunities::lose, loss);
  }

  @PostMapping("/{id}/reopen")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String reopen(PageChange change) {
    return act(change, opportunities::reopen, new OpportunityService.Reopening(null));
  }

  @PostMapping("/{id}/order")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String order(PageChange change, @RequestParam(required = false) @Nullable OrderStatus status) {
    return act(change, opportunities::order, new OpportunityService.OrderRequest(status));
  }

  @PostMapping("/{id}/delete")
  @PreAuthorize("hasAuthority('OPPORTUNITY_WRITE')")
  String delete(PageChange change) {
    try {
      opportunities.delete(change.user(), change.id(), change.version());
      return "redirect:/opportunities";
    } catch (StaleVersion e) {
      change.model().addAttribute("conflict", true);
      return show(change.user(), change.id(), change.model());
    }
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "opportunities/opportunity-not-found";
  }

  /** The home page's section: the open deals expected to close this month (htmx). */
  @GetMapping("/home")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("deals", opportunities.closingThisMonth(user, 10));
    return "opportunities/home :: closing";
  }

  /**
   * A customer's deals (only those of one status when asked: a key-account plan shows the open
   * ones). An invisible customer's panel is empty: the customer page itself says it is not found.
   */
  @GetMapping("/panel")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String panel(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam UUID customerId,
      @RequestParam(required = false) @Nullable OpportunityStatus status,
      Model model) {
    if (customers.find(user, customerId).isEmpty()) {
      model.addAttribute("deals", List.of());
      return "opportunities/opportunity-panel :: nothing";
    }
    model.addAttribute("customerId", customerId);
    model.addAttribute(
        "deals",
        opportunities
            .list(user, new OpportunityQuery(null, null, null, status, customerId, null, 10))
            .items());
    return "opportunities/opportunity-panel :: panel";
  }

  /** A change of a deal that a button of its page asks for, with what the button sends. */
  private interface Action<R> {
    Opportunity run(CurrentUser user, UUID id, long version, R request);
  }

  /** Carries out a button of the deal's page, and shows the page again with what came of it. */
  private <R> String act(PageChange change, Action<R> action, R request) {
    return change.make(
        () -> {
          action.run(change.user(), change.id(), change.version(), request);
          return "redirect:/opportunities/" + change.id();
        },
        () -> show(change.user(), change.id(), change.model()));
  }

  private Map<UUID, ForecastStore.StageTotal> totals(CurrentUser user, UUID pipelineId) {
    return forecast.openByStage(
        RecordAccess.visible(user, OpportunityStore.holding("f")), pipelineId);
  }

  private String form(
      CurrentUser user,
      Model model,
      @Nullable UUID customerId,
      Form form,
      @Nullable UUID id,
      @Nullable Long version) {
    CustomerSummary customer =
        customerId == null ? null : customers.find(user, customerId).orElse(null);
    model.addAttribute("customer", customer);
    model.addAttribute("form", form);
    model.addAttribute("dealId", id);
    model.addAttribute("version", version);
    model.addAttribute("pipelines", pipelines.list());
    model.addAttribute("owners", opportunities.assignableOwners(user));
    model.addAttribute("products", products.forSale(200));
    return "opportunities/opportunity-form";
  }

  private static Form formOf(Opportunity deal) {
    List<LineInput> lines = new ArrayList<>();
    for (Opportunity.Line line : deal.lines()) {
      lines.add(
          new LineInput(
              line.productId() == null ? "" : line.productId().toString(),
              line.description(),
              line.quantity().stripTrailingZeros().toPlainString(),
              line.unitPrice().stripTrailingZeros().toPlainString(),
              line.discountPercent().signum() == 0
                  ? ""
                  : line.discountPercent().stripTrailingZeros().toPlainString()));
    }
    return new Form(
        deal.name(),
        deal.lines().isEmpty() ? deal.amount().stripTrailingZeros().toPlainString() : "",
        deal.currency(),
        String.valueOf(deal.probability()),
        deal.expectedCloseDate().toString(),
        deal.ownerId().toString(),
        deal.stageId().toString(),
        deal.nextStep() == null ? "" : deal.nextStep(),
        String.join(", ", deal.competitors()),
        deal.description() == null ? "" : deal.description(),
        LineInput.padded(lines, FORM_LINES));
  }

  private static Form typed(MultiValueMap<String, String> input) {
    return new Form(
        FormFields.typed(input, "name"),
        FormFields.typed(input, "amount"),
        FormFields.typed(input, "currency"),
        FormFields.typed(input, "probability"),
        FormFields.typed(input, "expectedCloseDate"),
        FormFields.typed(input, "ownerId"),
        FormFields.typed(input, "stageId"),
        FormFields.typed(input, "nextStep"),
        FormFields.typed(input, "competitors"),
        FormFields.typed(input, "dealDescription"),
        LineInput.typed(input));
  }

  /**
   * The draft of a typed form. Changing a deal keeps its stage (the board and the stage button move
   * it) and, when the probability field is left as it was, its probability.
   */
  private static OpportunityDraft draft(Form form, UUID customerId, @Nullable Opportunity current) {
    List<OpportunityDraft.Line> lines =
        LineInput.filled(form.lines(), "invalid-value", "Not a valid value").stream()
            .map(
                line ->
                    new OpportunityDraft.Line(
                        line.productId(),
                        line.description(),
                        line.quantity(),
                        line.unitPrice(),
                        line.discountPercent()))
            .toList();
    List<String> competitors =
        Arrays.stream(form.competitors().split("[,，、]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    return new OpportunityDraft(
        form.name(),
        customerId,
        current == null ? null : current.pipelineId(),
        current != null ? current.stageId() : id(form.stageId(), "stageId"),
        FormFields.decimal(form.amount(), "amount"),
        form.currency().isBlank() ? null : form.currency().strip().toUpperCase(),
        FormFields.integer(form.probability(), "probability"),
        FormFields.date(form.expectedCloseDate(), "expectedCloseDate"),
        id(form.ownerId(), "ownerId"),
        form.nextStep(),
        competitors,
        form.description(),
        lines);
  }

  private static @Nullable UUID id(String text, String field) {
    return FormFields.id(text, field, "invalid-value", "Not a valid value");
  }
}
