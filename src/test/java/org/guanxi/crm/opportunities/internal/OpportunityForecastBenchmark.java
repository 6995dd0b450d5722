package org.guanxi.crm.opportunities.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.RequestTimes;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * How fast the forecast answers at scale: generates customers and deals in SQL (as the table owner,
 * in one workspace, 60 reps in 6 teams; 40% open, 35% won, 25% lost, expected or closed over 18
 * months, each with its stage history), then times the forecast API as an administrator (the whole
 * workspace), a manager (a team) and a rep, the forecast page and the board. Prints p50 and p95,
 * asserts nothing; runs only when asked: {@code ./mvnw test -Dtest=OpportunityForecastBenchmark
 * -Dbenchmark.opportunities=1000000} (customers: {@code -Dbenchmark.customers}, default as many as
 * deals).
 */
@GuanxiTest
@EnabledIfSystemProperty(named = "benchmark.opportunities", matches = "[0-9]+")
class OpportunityForecastBenchmark {

  static final int REPS_PER_TEAM = 10;
  static final int TEAMS = 6;

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired ForecastStore forecast;

  @Autowired
  @Qualifier("migrationDataSource")
  DataSource owner;

  @Test
  void forecastAtScale() throws Exception {
    int deals = Integer.getInteger("benchmark.opportunities");
    int customers = Integer.getInteger("benchmark.customers", Math.max(deals, 1));
    TestWorkspace workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    List<UUID> teams = new ArrayList<>();
    List<Member> reps = new ArrayList<>();
    Member manager = null;
    for (int t = 0; t < TEAMS; t++) {
      UUID team = workspace.team("Team " + t, null);
      teams.add(team);
      if (t == 0) {
        manager = workspace.member(Role.MANAGER, team);
      }
      for (int r = 0; r < REPS_PER_TEAM; r++) {
        reps.add(workspace.member(Role.SALES, team));
      }
    }

    long start = System.nanoTime();
    try (Connection connection = owner.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement set =
          connection.prepareStatement("select set_config('guanxi.workspace_id', ?, true)")) {
        set.setString(1, workspace.id().toString());
        set.execute();
      }
      try (Statement sql = connection.createStatement()) {
        UUID[] repIds = reps.stream().map(Member::id).toArray(UUID[]::new);
        UUID[] repTeams = new UUID[repIds.length];
        for (int i = 0; i < repIds.length; i++) {
          repTeams[i] = teams.get(i / REPS_PER_TEAM);
        }
        sql.execute(
            "create temporary table bench_rep on commit drop as select r.i, r.id, t.team_id "
                + "from unnest(array["
                + quoted(repIds)
                + "]::uuid[]) with ordinality r(id, i) join unnest(array["
                + quoted(repTeams)
                + "]::uuid[]) with ordinality t(team_id, i) using (i)");
        sql.execute(
            "create temporary table bench_customer on commit drop as "
                + "select g, gen_random_uuid() as id from generate_series(1, "
                + customers
                + ") g");
        sql.execute("create unique index on bench_customer (g)");
        sql.execute(
            """
            insert into customer (workspace_id, id, kind, name, lifecycle_stage, classification, owner_id, team_id,
              search_name, search_latin, search_grams, created_at, updated_at)
            select guanxi_current_workspace(), c.id, 'ORGANIZATION', '基准客户' || c.g, 'PROSPECT', 'ORDINARY', r.id,
              r.team_id, '基准客户' || c.g, 'jizhunkehu' || c.g, '{}', now(), now()
            from bench_customer c join bench_rep r on r.i = 1 + c.g %% %d
            """
                .formatted(repIds.length));
        sql.execute(
            """
            create temporary table bench_stage on commit drop as
            select s.position, s.id, s.probability, s.pipeline_id from pipeline_stage s
            join pipeline p on p.workspace_id = s.workspace_id and p.id = s.pipeline_id and p.is_default
            where s.workspace_id = guanxi_current_workspace()
            """);
        // o: the deal's number; its status, stage and dates follow from it
        sql.execute(
            """
            create temporary table bench_deal on commit drop as
            select o, gen_random_uuid() as id,
              case when o %% 20 < 8 then 'OPEN' when o %% 20 < 15 then 'WON' else 'LOST' end as status,
              (case when o %% 20 < 8 then 1 + o %% 4 when o %% 20 < 15 then 4 else 1 + (o / 20) %% 4 end)::int as position,
              current_date - 180 + (o * 7919 %% 540)::int as day,
              (5 + o %% 120)::int as cycle,
              1000 + (o * 104729 %% 500000) as amount
            from generate_series(1::bigint, %d) o
            """
                .formatted(deals));
        sql.execute(
            """
            insert into opportunity (workspace_id, id, name, customer_id, pipeline_id, stage_id, status, owner_id,
              team_id, amount, currency, probability, expected_close_date, stage_entered_at, closed_at, closed_on,
              cycle_days, lost_reason, created_at, updated_at)
            select guanxi_current_workspace(), d.id, '基准商机' || d.o, c.id, s.pipeline_id, s.id, d.status, r.id,
              r.team_id, d.amount, 'CNY',
              case d.status when 'OPEN' then s.probability when 'WON' then 100 else 0 end,
              d.day, d.day - d.cycle / 3,
              case when d.status = 'OPEN' then null else least(d.day, current_date)::timestamptz end,
              case when d.status = 'OPEN' then null else least(d.day, current_date) end,
              case when d.status = 'OPEN' then null else d.cycle end,
              case when d.status = 'LOST' then 'PRICE' end,
              least(d.day, current_date) - d.cycle, now()
            from bench_deal d
            join bench_customer c on c.g = 1 + d.o %% %d
            join bench_rep r on r.i = 1 + d.o %% %d
            join bench_stage s on s.position = d.position
            """
                .formatted(customers, repIds.length));
        // a visit per stage up to the deal's own, the days between its creation and its closing
        sql.execute(
            """
            insert into opportunity_stage_visit (workspace_id, opportunity_id, position, stage_id, entered_at, left_at)
            select guanxi_current_workspace(), d.id, s.position, s.id,
              (least(d.day, current_date) - d.cycle)::timestamptz + (s.position - 1) * (d.cycle * interval '1 day') / d.position,
              case when s.position < d.position or d.status <> 'OPEN'
                then (least(d.day, current_date) - d.cycle)::timestamptz + s.position * (d.cycle * interval '1 day') / d.position
              end
            from bench_deal d join bench_stage s on s.position <= d.position
            """);
      }
      connection.commit();
      try (Statement sql = connection.createStatement()) {
        connection.setAutoCommit(true);
        sql.execute(
            "analyze customer; analyze opportunity; analyze opportunity_stage_visit; analyze opportunity_forecast");
      }
    }
    double generated = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    workspace.in(
        () -> {
          forecast.recountOutcomes();
          return null;
        });
    double counted = (System.nanoTime() - start) / 1e9;

    Cookie managerSession = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    Cookie adminSession = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    System.out.printf(
        "%n%d deals and %d customers generated in %.1f s; stage outcomes counted in %.1f s%n",
        deals, customers, generated, counted);
    System.out.println("| measure | p50 | p95 |");
    System.out.println("|---|---|---|");
    time(
        "floor: list of pipelines (authentication, MVC, JSON)",
        get("/api/v1/pipelines").header("Authorization", admin.bearer()));
    time(
        "forecast API, administrator (whole workspace)",
        get("/api/v1/opportunities/forecast").header("Authorization", admin.bearer()));
    time(
        "forecast API, manager (a team of 10 reps)",
        get("/api/v1/opportunities/forecast").header("Authorization", manager.bearer()));
    time(
        "forecast API, rep",
        get("/api/v1/opportunities/forecast").header("Authorization", reps.get(0).bearer()));
    time("forecast page, administrator", get("/opportunities/forecast").cookie(adminSession));
    time("forecast page, manager", get("/opportunities/forecast").cookie(managerSession));
    time("board page, administrator", get("/opportunities/board").cookie(adminSession));
    time("board page, manager", get("/opportunities/board").cookie(managerSession));
    System.out.println();
  }

  private void time(String name, MockHttpServletRequestBuilder request) throws Exception {
    System.out.println(RequestTimes.row(mvc, name, () -> request));
  }

  private static String quoted(UUID[] ids) {
    return String.join(",", Arrays.stream(ids).map(id -> "'" + id + "'").toList());
  }
}
