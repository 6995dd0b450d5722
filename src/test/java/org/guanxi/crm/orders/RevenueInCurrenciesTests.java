package org.guanxi.crm.orders;

import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.ImportJobs;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A customer's revenue in every currency of its orders, and added up in the base currency at the
 * rate of each order's date; a missing rate is named, never counted as zero.
 */
@GuanxiTest
class RevenueInCurrenciesTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member admin;
  Member rep;
  String customer;

  /**
   * The rep's customer bought in pounds: 100 (cost 60) on 10 January, paid, and 50 (cost 20) on 10
   * February, confirmed.
   */
  @BeforeEach
  void ordersInPounds() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
    customer =
        idOf(send(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"London Tea\"}"));
    String january = order("GBP", "2026-01-10", 100, 60);
    send(rep, "/api/v1/orders/" + january + "/transitions", "{\"status\":\"PAID\"}")
        .andExpect(status().isOk());
    order("GBP", "2026-02-10", 50, 20);
  }

  @Test
  void aCustomerWithOrdersInPoundsShowsThemWithoutAskingForACurrency() throws Exception {
    revenue("")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.currencies.length()").value(1))
        .andExpect(jsonPath("$.currencies[0].currency").value("GBP"))
        .andExpect(jsonPath("$.currencies[0].revenue").value(150))
        .andExpect(jsonPath("$.currencies[0].cost").value(80))
        .andExpect(jsonPath("$.currencies[0].grossProfit").value(70))
        .andExpect(jsonPath("$.currencies[0].profitContribution").value(1.0))
        .andExpect(jsonPath("$.currencies[0].orderCount").value(2))
        .andExpect(jsonPath("$.currencies[0].firstOrderDate").value("2026-01-10"))
        .andExpect(jsonPath("$.orderCount").value(2))
        .andExpect(jsonPath("$.lastOrderDate").value("2026-02-10"));
    // asked for one currency, the answer is as it always was
    revenue("currency=GBP")
        .andExpect(jsonPath("$.currency").value("GBP"))
        .andExpect(jsonPath("$.revenue").value(150))
        .andExpect(jsonPath("$.missingRates").isEmpty());
    revenue("currency=CNY")
        .andExpect(jsonPath("$.revenue").value(0))
        .andExpect(jsonPath("$.orderCount").value(0));
  }

  @Test
  void aMissingRateIsReportedAndTheTotalIsNotGivenRatherThanCountedAsZero() throws Exception {
    rate("GBP", "2026-02-01", "9.2"); // nothing for January
    revenue("")
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.revenue").value(nullValue()))
        .andExpect(jsonPath("$.grossProfit").value(nullValue()))
        .andExpect(jsonPath("$.profitContribution").value(nullValue()))
        .andExpect(jsonPath("$.missingRates.length()").value(1))
        .andExpect(jsonPath("$.missingRates[0].currency").value("GBP"))
        .andExpect(jsonPath("$.missingRates[0].baseCurrency").value("CNY"))
        .andExpect(jsonPath("$.missingRates[0].onDate").value("2026-01-10"))
        .andExpect(jsonPath("$.currencies[0].revenue").value(150))
        .andExpect(jsonPath("$.orderCount").value(2));
    // February alone has its rate
    revenue("from=2026-02-01")
        .andExpect(jsonPath("$.revenue").value(460.0))
        .andExpect(jsonPath("$.missingRates").isEmpty());
  }

  @Test
  void withRatesTheTotalIsInYuanAtTheRateOfEachOrdersDate() throws Exception {
    rate("GBP", "2026-01-01", "9.1");
    rate("GBP", "2026-02-01", "9.2");
    rate(
        "USD", "2026-01-01", "7.0"); // a rate of a currency the customer never used changes nothing
    String march = order("CNY", "2026-03-01", 1000, 400);
    // a draft in euros is worth nothing yet and needs no rate
    draft("EUR", "2026-03-02", 10);

    // revenue: 100 × 9.1 + 50 × 9.2 + 1,000 = 910 + 460 + 1,000 = 2,370
    // cost: 60 × 9.1 + 20 × 9.2 + 400 = 546 + 184 + 400 = 1,130; gross profit 1,240
    revenue("")
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.revenue").value(2370.0))
        .andExpect(jsonPath("$.cost").value(1130.0))
        .andExpect(jsonPath("$.grossProfit").value(1240.0))
        .andExpect(jsonPath("$.grossMargin").value(0.5232)) // 1,240 / 2,370 = 0.52320…
        .andExpect(jsonPath("$.profitContribution").value(1.0))
        .andExpect(jsonPath("$.orderCount").value(3))
        .andExpect(jsonPath("$.firstOrderDate").value("2026-01-10"))
        .andExpect(jsonPath("$.missingRates").isEmpty())
        .andExpect(jsonPath("$.currencies[*].currency", contains("CNY", "EUR", "GBP")))
        .andExpect(jsonPath("$.currencies[0].revenue").value(1000))
        .andExpect(jsonPath("$.currencies[1].orderCount").value(0))
        .andExpect(jsonPath("$.currencies[2].revenue").value(150));

    // in pounds as the base: 150 + 1,000 × 0.11 = 260, the yuan needing a rate of their own
    mvc.perform(
            put("/api/v1/base-currency")
                .header("Authorization", admin.bearer())
                .header("If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/base-currency"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currency\":\"GBP\"}"))
        .andExpect(status().isOk());
    revenue("")
        .andExpect(jsonPath("$.currency").value("GBP"))
        .andExpect(jsonPath("$.revenue").value(nullValue()))
        .andExpect(jsonPath("$.missingRates[0].currency").value("CNY"))
        .andExpect(jsonPath("$.missingRates[0].onDate").value("2026-03-01"));
    rate("CNY", "2026-01-01", "0.11");
    revenue("")
        .andExpect(jsonPath("$.revenue").value(260.0))
        .andExpect(jsonPath("$.currencies[*].currency", contains("GBP", "CNY", "EUR")));
    send(rep, "/api/v1/orders/" + march + "/transitions", "{\"status\":\"CANCELLED\"}")
        .andExpect(status().isOk());
    revenue("").andExpect(jsonPath("$.revenue").value(150.0));
  }

  @Test
  void theSalesPanelShowsEachCurrencyInItsOwnMoneyAndTheTotalInYuan() throws Exception {
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("£150.00")))
        .andExpect(content().string(containsString("缺少 2026-01-10 的汇率 GBP → CNY")))
        .andExpect(content().string(not(containsString("¥0.00"))));

    rate("GBP", "2026-01-01", "9.1");
    rate("GBP", "2026-02-01", "9.2");
    // 100 × 9.1 + 50 × 9.2 = 1,370
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(session))
        .andExpect(content().string(containsString("销售额（全部币种折合 CNY）")))
        .andExpect(content().string(containsString("¥1,370.00")))
        .andExpect(content().string(containsString("£150.00")))
        .andExpect(content().string(containsString("£70.00")))
        .andExpect(content().string(not(containsString("缺少"))));
    mvc.perform(
            get("/customers/" + customer + "/sales-panel").cookie(session).param("lang", "zh-TW"))
        .andExpect(content().string(containsString("銷售額（全部幣別折合 CNY）")));
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Revenue, all currencies in CNY")))
        .andExpect(content().string(containsString("£150.00")));
  }

  /**
   * Lines of the Online Retail data (all in pounds): a customer's invoice and cancellation,
   * imported as they are, count in pounds without asking, and in yuan at each date's rate.
   */
  @Test
  void importedOnlineRetailOrdersCountInPoundsAndInYuan() throws Exception {
    String file =
        """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536390,22941,CHRISTMAS LIGHTS 10 REINDEER,2,2010-12-01 10:19:00,8.5,17511,United Kingdom
        536390,22960,JAM MAKING SET WITH JARS,12,2010-12-01 10:19:00,3.75,17511,United Kingdom
        C537602,85099B,JUMBO BAG RED RETROSPOT,-1,2010-12-07 12:45:00,1.65,17511,United Kingdom
        """;
    String location =
        mvc.perform(
                multipart("/api/v1/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "online_retail.csv",
                            "text/csv",
                            file.getBytes(StandardCharsets.UTF_8)))
                    .param(
                        "options",
                        "{\"createCustomers\":true,\"createProducts\":true,\"defaultCurrency\":\"GBP\"}")
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    ImportJobs.awaitFinished(mvc, admin, location).andExpect(jsonPath("$.status").value("DONE"));
    String imported =
        workspace.in(
            () ->
                jdbc.sql("select id from customer where external_key = '17511'")
                    .query(UUID.class)
                    .single()
                    .toString());

    // sold 2 × 8.5 + 12 × 3.75 = 62, returned 1.65: 60.35 pounds
    revenue(admin, imported, "")
        .andExpect(jsonPath("$.currencies[0].currency").value("GBP"))
        .andExpect(jsonPath("$.currencies[0].revenue").value(60.35))
        .andExpect(jsonPath("$.currencies[0].returns").value(1.65))
        .andExpect(jsonPath("$.missingRates[0].onDate").value("2010-12-01"));
    rate("GBP", "2010-12-01", "10.4");
    rate("GBP", "2010-12-06", "10.5");
    // 62 × 10.4 − 1.65 × 10.5 = 644.8 − 17.325 = 627.475
    revenue(admin, imported, "")
        .andExpect(jsonPath("$.revenue").value(627.475))
        .andExpect(jsonPath("$.returns").value(17.325));
  }

  String order(String currency, String date, int price, int cost) throws Exception {
    return idOf(
        send(
            rep,
            "/api/v1/orders",
            """
            {"customerId":"%s","orderDate":"%s","currency":"%s","status":"CONFIRMED",
             "lines":[{"description":"Tea","quantity":1,"unitPrice":%d,"unitCost":%d}]}
            """
                .formatted(customer, date, currency, price, cost)));
  }

  String draft(String currency, String date, int price) throws Exception {
    return idOf(
        send(
            rep,
            "/api/v1/orders",
            """
            {"customerId":"%s","orderDate":"%s","currency":"%s",
             "lines":[{"description":"Tea","quantity":1,"unitPrice":%d}]}
            """
                .formatted(customer, date, currency, price)));
  }

  void rate(String currency, String validFrom, String rate) throws Exception {
    send(
            admin,
            "/api/v1/exchange-rates",
            "{\"currency\":\"%s\",\"validFrom\":\"%s\",\"rate\":%s}"
                .formatted(currency, validFrom, rate))
        .andExpect(status().isCreated());
  }

  ResultActions revenue(String query) throws Exception {
    return revenue(rep, customer, query);
  }

  ResultActions revenue(Member member, String customer, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/revenue?" + query)
            .header("Authorization", member.bearer()));
  }

  ResultActions send(Member member, String path, String json) throws Exception {
    var request =
        post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    // an action on an existing record names the version it read
    String version = Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      request.header("If-Match", version);
    }
    return mvc.perform(request);
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
