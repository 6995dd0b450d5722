package org.guanxi.crm.opportunities.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities")
class ForecastApi {

  private final ForecastService forecasts;

  ForecastApi(ForecastService forecasts) {
    this.forecasts = forecasts;
  }

  @GetMapping("/api/v1/opportunities/forecast")
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
}
