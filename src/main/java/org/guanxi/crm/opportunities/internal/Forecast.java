package org.guanxi.crm.opportunities.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.MissingExchangeRate;
import org.jspecify.annotations.Nullable;

/**
 * The weighted forecast of the deals a user may see, in one currency over a period of months: what
 * was won, what is open and its weighted amount (amount × probability), per month, per rep and per
 * team; and, for the deals closed in the period, the win rate and the days spent per stage and the
 * length of the sales cycle. {@code inBaseCurrency} adds the deals of every currency up per month
 * in the workspace's base currency.
 */
record Forecast(
    YearMonth from,
    YearMonth to,
    String currency,
    @Nullable UUID pipelineId,
    List<Row> months,
    List<Row> reps,
    List<Row> teams,
    List<StageOutcome> stages,
    Closed closed,
    InBaseCurrency inBaseCurrency) {

  /**
   * The deals of every currency added up in the base currency ({@code currency}): each month's sums
   * converted at the rate valid on the month's last day (for months ahead, the latest rate known).
   * A month that needs a missing rate has no money figures (null), and {@code missingRates} names
   * the currencies and the first day without a rate; so do the period's totals.
   *
   * @param currencies the currencies of the deals added up
   */
  record InBaseCurrency(
      String currency,
      List<String> currencies,
      List<BaseRow> months,
      BaseRow total,
      List<MissingExchangeRate> missingRates) {}

  /** A month (or the period: key {@code total}) in the base currency. */
  record BaseRow(
      String key,
      long wonDeals,
      @Nullable BigDecimal won,
      long openDeals,
      @Nullable BigDecimal open,
      @Nullable BigDecimal weighted) {

    /** What the month is expected to bring: won plus the weighted open; null without a rate. */
    @JsonProperty
    public @Nullable BigDecimal expected() {
      return won == null || weighted == null ? null : won.add(weighted);
    }
  }

  /**
   * One line of the forecast: a month, a rep or a team ({@code key} is the month, the user's or the
   * team's id; {@code label} what the page shows).
   */
  record Row(
      String key,
      @Nullable String label,
      long wonDeals,
      BigDecimal won,
      long openDeals,
      BigDecimal open,
      BigDecimal weighted) {

    /** What the period is expected to bring: won plus the weighted open. */
    @JsonProperty
    public BigDecimal expected() {
      return won.add(weighted);
    }
  }

  /** How deals that went through a stage ended, for those closed in the period. */
  record StageOutcome(
      UUID stageId,
      String stageName,
      UUID pipelineId,
      String pipelineName,
      long reached,
      long won,
      long visits,
      BigDecimal days) {

    /** The share of the deals that reached the stage and were won, 0 to 1; null without any. */
    @JsonProperty
    public @Nullable BigDecimal winRate() {
      return reached == 0
          ? null
          : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(reached), 4, RoundingMode.HALF_UP);
    }

    /** The days a deal spent in the stage on average; null without any. */
    @JsonProperty
    public @Nullable BigDecimal averageDays() {
      return visits == 0 ? null : days.divide(BigDecimal.valueOf(visits), 1, RoundingMode.HALF_UP);
    }
  }

  /** The deals closed in the period: how many were won and lost, and how long winning took. */
  record Closed(long won, long lost, long wonCycleDays) {

    @JsonProperty
    public @Nullable BigDecimal winRate() {
      return won + lost == 0
          ? null
          : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 4, RoundingMode.HALF_UP);
    }

    /** The days from creating a deal to winning it, on average; null without won deals. */
    @JsonProperty
    public @Nullable BigDecimal averageCycleDays() {
      return won == 0
          ? null
          : BigDecimal.valueOf(wonCycleDays)
              .divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_UP);
    }
  }
}
