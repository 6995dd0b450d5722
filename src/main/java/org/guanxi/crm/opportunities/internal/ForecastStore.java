package org.guanxi.crm.opportunities.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.ExchangeRates;
import org.guanxi.crm.platform.RatesToBase;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The forecast's sums: read from {@code opportunity_forecast} (kept by a trigger) and {@code
 * opportunity_stage_outcome} (kept here, when a deal is closed or reopened), never from the deals
 * themselves, so that it takes the same time with a million deals as with a hundred.
 */
@Repository
class ForecastStore {

  /**
   * Per stage a closed deal went through (in whichever pipeline the stage is): once reached, once
   * won if the deal was, its visits and their days. {@code %s} narrows the deals.
   */
  private static final String OUTCOMES =
      """
      select workspace_id, pipeline_id, stage_id, month, owner_id, team_id,
        sum(:sign * 1), sum(:sign * won), sum(:sign * visits), sum(:sign * days)
      from (
        select o.workspace_id, s.pipeline_id, v.stage_id, date_trunc('month', o.closed_on)::date as month,
          o.owner_id, o.team_id, case when o.status = 'WON' then 1 else 0 end as won, count(*) as visits,
          sum(extract(epoch from coalesce(v.left_at, o.closed_at) - v.entered_at) / 86400) as days
        from opportunity o
        join opportunity_stage_visit v on v.workspace_id = o.workspace_id and v.opportunity_id = o.id
        join pipeline_stage s on s.workspace_id = v.workspace_id and s.id = v.stage_id
        where o.status <> 'OPEN' %s
        group by o.workspace_id, o.id, s.pipeline_id, v.stage_id
      ) per_deal
      group by 1, 2, 3, 4, 5, 6
      """;

  private static final String UPSERT_OUTCOMES =
      """
      insert into opportunity_stage_outcome as f
        (workspace_id, pipeline_id, stage_id, month, owner_id, team_id, reached, won, visits, days)
      %s
      on conflict (workspace_id, pipeline_id, stage_id, month, owner_id, team_id) do update
        set reached = f.reached + excluded.reached, won = f.won + excluded.won,
            visits = f.visits + excluded.visits, days = f.days + excluded.days
      """;

  private final JdbcClient jdbc;
  private final ExchangeRates rates;
  private final WorkspaceTime time;

  ForecastStore(JdbcClient jdbc, ExchangeRates rates, WorkspaceTime time) {
    this.jdbc = jdbc;
    this.rates = rates;
    this.time = time;
  }

  /** Counts a deal that was just won or lost into the outcomes of the stages it went through. */
  void countClosed(UUID opportunityId) {
    changeOutcomes(opportunityId, 1);
  }

  /** Takes a closed deal back out of the outcomes, before it is reopened or deleted. */
  void uncountClosed(UUID opportunityId) {
    changeOutcomes(opportunityId, -1);
  }

  /** Counts the stage outcomes of the workspace's closed deals anew, as after a bulk load. */
  void recountOutcomes() {
    jdbc.sql("delete from opportunity_stage_outcome").update();
    jdbc.sql(UPSERT_OUTCOMES.formatted(OUTCOMES.formatted("")).replace(":sign", "1")).update();
  }

  private void changeOutcomes(UUID opportunityId, int sign) {
    jdbc.sql(UPSERT_OUTCOMES.formatted(OUTCOMES.formatted("and o.id = :id")))
        .param("sign", sign)
        .param("id", opportunityId)
        .update();
  }

  /**
   * The won, open and lost sums per month, owner, team and currency in the period: the cells the
   * forecast adds up, for its view in one currency and for its total in the base currency alike.
   */
  List<Cell> cells(
      RecordAccess.Condition visible, YearMonth from, YearMonth to, @Nullable UUID pipelineId) {
    SqlWhere where = inPeriod(visible, from, to, pipelineId);
    return jdbc.sql(
            """
            select f.month, f.owner_id, u.display_name as owner_name, f.team_id, t.name as team_name, f.status,
              f.currency, sum(f.deals) as deals, sum(f.amount) as amount, sum(f.weighted) as weighted,
              sum(f.cycle_days) as cycle_days
            from opportunity_forecast f
            left join workspace_user u on u.workspace_id = f.workspace_id and u.id = f.owner_id
            left join workspace_team t on t.workspace_id = f.workspace_id and t.id = f.team_id
            where\s"""
                + where
                + """
                 group by f.month, f.owner_id, u.display_name, f.team_id, t.name, f.status, f.currency
                 having sum(f.deals) <> 0
                """)
        .params(where.params())
        .query((rs, row) -> cell(rs))
        .list();
  }

  /** The forecast's rows of the months from {@code from} to {@code to} that the user may see. */
  private static SqlWhere inPeriod(
      RecordAccess.Condition visible, YearMonth from, YearMonth to, @Nullable UUID pipelineId) {
    return SqlWhere.of(visible)
        .and("f.month between :from and :to")
        .param("from", Date.valueOf(from.atDay(1)))
        .param("to", Date.valueOf(to.atDay(1)))
        .and("f.pipeline_id = :pipelineId", "pipelineId", pipelineId);
  }

  /** How the deals closed in the period fared in each stage they went through. */
  List<Forecast.StageOutcome> stageOutcomes(
      RecordAccess.Condition visible, YearMonth from, YearMonth to, @Nullable UUID pipelineId) {
    SqlWhere where = inPeriod(visible, from, to, pipelineId);
    Map<UUID, Forecast.StageOutcome> byStage = new LinkedHashMap<>();
    jdbc.sql(
            """
            select s.id as stage_id, s.name as stage_name, p.id as pipeline_id, p.name as pipeline_name,
              sum(f.reached) as reached, sum(f.won) as won, sum(f.visits) as visits, sum(f.days) as days
            from opportunity_stage_outcome f
            join pipeline_stage s on s.workspace_id = f.workspace_id and s.id = f.stage_id
            join pipeline p on p.workspace_id = s.workspace_id and p.id = s.pipeline_id
            where\s"""
                + where
                + """
                 group by s.id, s.name, p.id, p.name, p.position, s.position
                 having sum(f.reached) <> 0
                 order by p.position, s.position
                """)
        .params(where.params())
        .query(
            (ResultSet rs) -> {
              UUID stage = rs.getObject("stage_id", UUID.class);
              byStage.put(
                  stage,
                  new Forecast.StageOutcome(
                      stage,
                      rs.getString("stage_name"),
                      rs.getObject("pipeline_id", UUID.class),
                      rs.getString("pipeline_name"),
                      rs.getLong("reached"),
                      rs.getLong("won"),
                      rs.getLong("visits"),
                      rs.getBigDecimal("days")));
            });
    return new ArrayList<>(byStage.values());
  }

  /**
   * A board column's open deals: how many (in any currency), and their amount and weighted amount
   * added up in the workspace's base currency at today's rates; null when a currency among them has
   * no rate today ({@code missingRates} names it).
   */
  record StageTotal(
      long deals,
      @Nullable BigDecimal amount,
      @Nullable BigDecimal weighted,
      String currency,
      List<String> missingRates) {}

  /** The currency the workspace adds money up in, as the board's totals are shown. */
  String baseCurrency() {
    return rates.baseCurrency();
  }

  /** The open deals per stage of a pipeline that the user may see, from the kept sums. */
  Map<UUID, StageTotal> openByStage(RecordAccess.Condition visible, UUID pipelineId) {
    Map<String, Object> params = new HashMap<>(visible.params());
    params.put("pipelineId", pipelineId);
    record Sum(UUID stage, String currency, long deals, BigDecimal amount, BigDecimal weighted) {}
    List<Sum> sums =
        jdbc.sql(
                """
                select f.stage_id, f.currency, sum(f.deals) as deals, sum(f.amount) as amount,
                  sum(f.weighted) as weighted
                from opportunity_forecast f
                where f.pipeline_id = :pipelineId and f.status = 'OPEN'
                """
                    + " and "
                    + visible.sql()
                    + " group by f.stage_id, f.currency")
            .params(params)
            .query(
                (rs, n) ->
                    new Sum(
                        rs.getObject("stage_id", UUID.class),
                        rs.getString("currency"),
                        rs.getLong("deals"),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("weighted")))
            .list();
    // every currency's rate today, read at once
    LocalDate today = time.today();
    RatesToBase toBase =
        rates.toBase(sums.stream().map(Sum::currency).distinct().toList(), today, today);
    String base = toBase.baseCurrency();
    Map<UUID, StageTotal> totals = new HashMap<>();
    for (Sum sum : sums) {
      StageTotal total =
          totals.getOrDefault(
              sum.stage(), new StageTotal(0, BigDecimal.ZERO, BigDecimal.ZERO, base, List.of()));
      BigDecimal amount = toBase.toBase(sum.amount(), sum.currency(), today);
      BigDecimal weighted = toBase.toBase(sum.weighted(), sum.currency(), today);
      List<String> missing = total.missingRates();
      if (amount == null) {
        missing = new ArrayList<>(missing);
        missing.add(sum.currency());
      }
      totals.put(
          sum.stage(),
          new StageTotal(
              total.deals() + sum.deals(),
              amount == null || total.amount() == null ? null : total.amount().add(amount),
              weighted == null || total.weighted() == null ? null : total.weighted().add(weighted),
              base,
              List.copyOf(missing)));
    }
    return totals;
  }

  /** The currencies of the deals the user may see, for the forecast's currency choice. */
  List<String> currencies(RecordAccess.Condition visible) {
    return jdbc.sql(
            "select distinct f.currency from opportunity_forecast f where f.deals <> 0 and "
                + visible.sql()
                + " order by 1")
        .params(visible.params())
        .query(String.class)
        .list();
  }

  /** One cell of the forecast: a month's deals of one owner and team in one status and currency. */
  record Cell(
      YearMonth month,
      UUID ownerId,
      @Nullable String ownerName,
      @Nullable UUID teamId,
      @Nullable String teamName,
      OpportunityStatus status,
      String currency,
      long deals,
      BigDecimal amount,
      BigDecimal weighted,
      long cycleDays) {}

  private static Cell cell(ResultSet rs) throws SQLException {
    return new Cell(
        YearMonth.from(rs.getDate("month").toLocalDate()),
        rs.getObject("owner_id", UUID.class),
        rs.getString("owner_name"),
        rs.getObject("team_id", UUID.class),
        rs.getString("team_name"),
        OpportunityStatus.valueOf(rs.getString("status")),
        rs.getString("currency"),
        rs.getLong("deals"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("weighted"),
        rs.getLong("cycle_days"));
  }
}
