package org.guanxi.crm.opportunities.internal;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast page: a bar chart of won and weighted open amounts per month (ECharts), the same per
 * rep and team, and the win rate and days per stage of the deals closed in the period.
 */
@Controller
class ForecastPages {

  private final ForecastService forecasts;
  private final PipelineService pipelines;
  private final SalesTargetService targets;
  private final JsonMapper json;

  ForecastPages(
      ForecastService forecasts,
      PipelineService pipelines,
      SalesTargetService targets,
      JsonMapper json) {
    this.forecasts = forecasts;
    this.pipelines = pipelines;
    this.targets = targets;
    this.json = json;
  }

  /**
   * What the page's form asks for: the months from and to (such as {@code 2026-01}), the currency
   * the amounts are shown in, and the pipeline.
   */
  record Filter(
      @Nullable String from,
      @Nullable String to,
      @Nullable String currency,
      @Nullable UUID pipelineId) {}

  @GetMapping("/opportunities/forecast")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String forecast(@AuthenticationPrincipal CurrentUser user, Filter filter, Model model) {
    Forecast forecast;
    try {
      forecast =
          forecasts.forecast(
              user,
              month(filter.from()),
              month(filter.to()),
              filter.currency(),
              filter.pipelineId());
    } catch (InvalidInput e) {
      model.addAttribute("refused", e.errors());
      forecast = forecasts.forecast(user, null, null, null, filter.pipelineId());
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("months", forecast.months().stream().map(Forecast.Row::key).toList());
    chart.put("won", forecast.months().stream().map(Forecast.Row::won).toList());
    chart.put("weighted", forecast.months().stream().map(Forecast.Row::weighted).toList());
    model.addAttribute("forecast", forecast);
    model.addAttribute("chart", json.writeValueAsString(chart));
    model.addAttribute("pipelines", pipelines.list());
    List<String> currencies = forecasts.currencies(user);
    model.addAttribute(
        "currencies",
        currencies.contains(forecast.currency())
            ? currencies
            : Stream.concat(Stream.of(forecast.currency()), currencies.stream()).toList());
    return "opportunities/opportunity-forecast";
  }

  /**
   * The home page's section for those who see a team: this month's won and weighted open amounts
   * per rep, the most won first (in the base currency), and the default pipeline's open deals per
   * stage.
   */
  @GetMapping("/opportunities/home/team")
  @PreAuthorize("hasAuthority('OPPORTUNITY_READ')")
  String teamHome(@AuthenticationPrincipal CurrentUser user, Model model) {
    YearMonth month = forecasts.thisMonth();
    Forecast forecast = forecasts.forecast(user, month, month, null, null);
    Pipeline pipeline = pipelines.defaultPipeline();
    model.addAttribute("month", month);
    model.addAttribute("currency", forecast.currency());
    model.addAttribute(
        "leaders",
        forecast.reps().stream()
            .sorted(Comparator.comparing(Forecast.Row::won).reversed())
            .toList());
    model.addAttribute(
        "targets",
        targets.ofMonth(user, month, null).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    t -> t.userId().toString(), t -> t, (a, b) -> a)));
    model.addAttribute("pipeline", pipeline);
    model.addAttribute("totals", forecasts.openByStage(user, pipeline.id()));
    return "opportunities/home :: team";
  }

  private static @Nullable YearMonth month(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (RuntimeException e) {
      throw new InvalidInput("from", "invalid-date", "A month such as 2026-01");
    }
  }
}
