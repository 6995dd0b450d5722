package org.guanxi.crm.opportunities;

import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The weighted forecast follows every deal's moves, wins, losses and reopenings, and a manager sees
 * the team's reps, a rep only the own deals.
 */
@GuanxiTest
class ForecastTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  @Test
  void theForecastAddsUpWonAndWeightedOpenDealsPerMonthRepAndTeamAndTheWinRateByStage()
      throws Exception {
    TestWorkspace workspace = workspaces.create();
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    Member eastRep = workspace.member(Role.SALES, east);
    Member westRep = workspace.member(Role.SALES, west);
    Member eastManager = workspace.member(Role.MANAGER, east);
    Member admin = workspace.member(Role.ADMINISTRATOR);
    List<String> stages =
        JsonPath.read(
            json(mvc.perform(get("/api/v1/pipelines").header("Authorization", admin.bearer()))),
            "$.items[0].stages[*].id");
    LocalDate nextMonth = LocalDate.now().plusMonths(1).withDayOfMonth(10);
    String thisMonth = YearMonth.now().toString();

    String a = deal(eastRep, "A", 100000, nextMonth); // 10% → 10,000
    String b = deal(eastRep, "B", 20000, nextMonth);
    deal(westRep, "C", 50000, nextMonth); // 10% → 5,000
    send(
        eastRep,
        "/api/v1/opportunities/" + a + "/stage",
        "{\"stageId\": \"" + stages.get(2) + "\"}");
    // 60% → 60,000
    send(
        eastRep,
        "/api/v1/opportunities/" + b + "/stage",
        "{\"stageId\": \"" + stages.get(1) + "\"}");
    send(eastRep, "/api/v1/opportunities/" + b + "/win", "{}"); // won 20,000 this month
    String d = deal(eastRep, "D", 30000, nextMonth);
    send(eastRep, "/api/v1/opportunities/" + d + "/lose", "{\"reason\": \"PRICE\"}");

    forecast(eastManager)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.months.length()").value(12))
        .andExpect(jsonPath("$.months[?(@.key == '" + thisMonth + "')].won").value(20000.0))
        .andExpect(
            jsonPath("$.months[?(@.key == '" + YearMonth.from(nextMonth) + "')].weighted")
                .value(60000.0))
        .andExpect(jsonPath("$.reps.length()").value(1))
        .andExpect(jsonPath("$.reps[0].key").value(eastRep.id().toString()))
        .andExpect(jsonPath("$.reps[0].expected").value(80000.0))
        .andExpect(jsonPath("$.teams[0].label").value("East"))
        .andExpect(jsonPath("$.closed.won").value(1))
        .andExpect(jsonPath("$.closed.lost").value(1))
        .andExpect(jsonPath("$.closed.winRate").value(0.5))
        // B went through stages 1 and 2 and was won; D was lost in stage 1
        .andExpect(jsonPath("$.stages[0].stageId").value(stages.get(0)))
        .andExpect(jsonPath("$.stages[0].reached").value(2))
        .andExpect(jsonPath("$.stages[0].winRate").value(0.5))
        .andExpect(jsonPath("$.stages[1].reached").value(1))
        .andExpect(jsonPath("$.stages[1].winRate").value(1.0));
    forecast(admin)
        .andExpect(jsonPath("$.reps.length()").value(2))
        .andExpect(
            jsonPath("$.months[?(@.key == '" + YearMonth.from(nextMonth) + "')].weighted")
                .value(65000.0));
    forecast(westRep)
        .andExpect(jsonPath("$.reps.length()").value(1))
        .andExpect(jsonPath("$.reps[0].expected").value(5000.0))
        .andExpect(jsonPath("$.closed.won").value(0));

    // reopening takes the loss back out of the win rate; the forecast counts the deal as open again
    send(eastRep, "/api/v1/opportunities/" + d + "/reopen", "{}");
    forecast(eastManager)
        .andExpect(jsonPath("$.closed.lost").value(0))
        .andExpect(jsonPath("$.stages[0].reached").value(1))
        .andExpect(
            jsonPath("$.months[?(@.key == '" + YearMonth.from(nextMonth) + "')].weighted")
                .value(63000.0));
    mvc.perform(
            get("/api/v1/opportunities/forecast")
                .param("from", "2026-05")
                .param("to", "2026-01")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            get("/api/v1/opportunities/forecast")
                .param("from", "May")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/v1/opportunities/forecast")
                .header("Authorization", workspace.member(Role.MARKETING).bearer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void theForecastAddsEveryCurrencyUpInTheBaseCurrencyAtEachMonthsRate() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member rep = workspace.member(Role.SALES);
    Member admin = workspace.member(Role.ADMINISTRATOR);
    YearMonth thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")); // deals close in China time
    YearMonth nextMonth = thisMonth.plusMonths(1);
    LocalDate close = nextMonth.atDay(10);
    deal(rep, "A", 100000, close); // CNY, 10% → 10,000
    dealIn(rep, "G", 10000, "GBP", close); // 10% → 1,000 pounds
    String won = dealIn(rep, "W", 2000, "GBP", close);
    send(rep, "/api/v1/opportunities/" + won + "/win", "{}"); // won 2,000 pounds this month

    // the view in yuan is as before; pounds without a rate are named, not counted as nothing
    forecast(rep)
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.months[?(@.key == '" + nextMonth + "')].weighted").value(10000.0))
        .andExpect(jsonPath("$.inBaseCurrency.currency").value("CNY"))
        .andExpect(jsonPath("$.inBaseCurrency.currencies", contains("CNY", "GBP")))
        .andExpect(jsonPath("$.inBaseCurrency.missingRates[0].currency").value("GBP"))
        .andExpect(
            jsonPath("$.inBaseCurrency.missingRates[0].onDate")
                .value(thisMonth.atEndOfMonth().toString()))
        .andExpect(
            jsonPath("$.inBaseCurrency.months[?(@.key == '" + thisMonth + "')].won")
                .value(contains(nullValue())))
        .andExpect(jsonPath("$.inBaseCurrency.total.expected").value(nullValue()))
        .andExpect(jsonPath("$.inBaseCurrency.total.openDeals").value(2));

    rate(admin, "GBP", thisMonth.minusMonths(1).atDay(1), "9.0");
    // this month: won 2,000 × 9 = 18,000; next month: weighted 10,000 + 1,000 × 9 = 19,000
    forecast(rep)
        .andExpect(jsonPath("$.inBaseCurrency.missingRates").isEmpty())
        .andExpect(
            jsonPath("$.inBaseCurrency.months[?(@.key == '" + thisMonth + "')].won").value(18000.0))
        .andExpect(
            jsonPath("$.inBaseCurrency.months[?(@.key == '" + nextMonth + "')].weighted")
                .value(19000.0))
        .andExpect(jsonPath("$.inBaseCurrency.total.expected").value(37000.0));

    // next month has a rate of its own: 10,000 + 1,000 × 9.5 = 19,500
    rate(admin, "GBP", nextMonth.atDay(1), "9.5");
    forecast(rep)
        .andExpect(
            jsonPath("$.inBaseCurrency.months[?(@.key == '" + thisMonth + "')].won").value(18000.0))
        .andExpect(
            jsonPath("$.inBaseCurrency.months[?(@.key == '" + nextMonth + "')].weighted")
                .value(19500.0))
        .andExpect(jsonPath("$.inBaseCurrency.total.expected").value(37500.0));

    // the view in pounds keeps answering in pounds
    mvc.perform(
            get("/api/v1/opportunities/forecast")
                .param("currency", "GBP")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.currency").value("GBP"))
        .andExpect(jsonPath("$.months[?(@.key == '" + nextMonth + "')].weighted").value(1000.0))
        .andExpect(jsonPath("$.months[?(@.key == '" + thisMonth + "')].won").value(2000.0))
        .andExpect(jsonPath("$.inBaseCurrency.total.expected").value(37500.0));

    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/opportunities/forecast").cookie(session))
        .andExpect(content().string(containsString("全部币种折合 CNY")))
        .andExpect(content().string(containsString("¥37,500.00")));
    mvc.perform(get("/opportunities/forecast").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("All currencies in CNY")));
  }

  ResultActions forecast(Member member) throws Exception {
    return mvc.perform(
        get("/api/v1/opportunities/forecast").header("Authorization", member.bearer()));
  }

  String deal(Member rep, String name, int amount, LocalDate close) throws Exception {
    String customer =
        JsonPath.read(
            json(
                send(
                    rep,
                    "/api/v1/customers",
                    "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "客户\"}")),
            "$.id");
    return JsonPath.read(
        json(
            send(
                rep,
                "/api/v1/opportunities",
                "{\"name\": \"%s\", \"customerId\": \"%s\", \"amount\": %d, \"expectedCloseDate\": \"%s\"}"
                    .formatted(name, customer, amount, close))),
        "$.id");
  }

  String dealIn(Member rep, String name, int amount, String currency, LocalDate close)
      throws Exception {
    String customer =
        JsonPath.read(
            json(
                send(
                    rep,
                    "/api/v1/customers",
                    "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "客户\"}")),
            "$.id");
    return JsonPath.read(
        json(
            send(
                rep,
                "/api/v1/opportunities",
                "{\"name\": \"%s\", \"customerId\": \"%s\", \"amount\": %d, \"currency\": \"%s\", \"expectedCloseDate\": \"%s\"}"
                    .formatted(name, customer, amount, currency, close))),
        "$.id");
  }

  void rate(Member admin, String currency, LocalDate validFrom, String rate) throws Exception {
    send(
        admin,
        "/api/v1/exchange-rates",
        "{\"currency\":\"%s\",\"validFrom\":\"%s\",\"rate\":%s}"
            .formatted(currency, validFrom, rate));
  }

  ResultActions send(Member member, String path, String body) throws Exception {
    var call =
        MockMvcRequestBuilders.post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body);
    String version = Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      call.header("If-Match", version);
    }
    return mvc.perform(call).andExpect(status().is2xxSuccessful());
  }

  static String json(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
