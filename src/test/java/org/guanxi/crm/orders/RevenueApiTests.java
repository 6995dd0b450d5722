package org.guanxi.crm.orders;

import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class RevenueApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  Member otherRep;
  String customer;
  String otherCustomer;
  String pump;
  String otherOrder;

  /**
   * The rep's customer: paid 1,000 (cost 600) on 1 Jan, delivered 2,000 (cost 1,200) on 1 Feb,
   * confirmed 1,000 on 1 Mar, and a returned, a cancelled and a draft order. Another rep's customer
   * made 1,000 (cost 600) on 1 Feb.
   */
  @BeforeEach
  void ordersOfTwoCustomers() throws Exception {
    workspace = workspaces.create();
    Member admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
    otherRep = workspace.member(Role.SALES);
    pump =
        idOf(
            send(
                admin,
                "/api/v1/products",
                "{\"code\":\"P-1\",\"name\":\"水泵\",\"unit\":\"台\",\"listPrice\":1000,\"unitCost\":600}"));
    customer =
        idOf(send(rep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}"));
    otherCustomer =
        idOf(send(otherRep, "/api/v1/customers", "{\"kind\":\"ORGANIZATION\",\"name\":\"东方贸易\"}"));

    order(rep, customer, "2026-01-01", 1, "DELIVERED", "PAID");
    order(rep, customer, "2026-02-01", 2, "DELIVERED");
    order(rep, customer, "2026-03-01", 1);
    order(rep, customer, "2026-02-15", 5, "DELIVERED", "RETURNED");
    order(rep, customer, "2026-02-20", 7, "CANCELLED");
    draft(rep, customer, "2026-02-21", 9);
    otherOrder = order(otherRep, otherCustomer, "2026-02-01", 1);
  }

  @Test
  void revenueCountsPlacedOrdersNetOfReturnsAndCancellations() throws Exception {
    revenue(rep, customer, "")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.revenue").value(4000))
        .andExpect(jsonPath("$.returns").value(5000))
        .andExpect(jsonPath("$.cost").value(2400))
        .andExpect(jsonPath("$.grossProfit").value(1600))
        .andExpect(jsonPath("$.grossMargin").value(0.4))
        .andExpect(jsonPath("$.profitContribution").value(0.8))
        .andExpect(jsonPath("$.orderCount").value(3))
        .andExpect(jsonPath("$.firstOrderDate").value("2026-01-01"))
        .andExpect(jsonPath("$.lastOrderDate").value("2026-03-01"));
  }

  @Test
  void aPeriodCountsOnlyItsOrdersAndTheWorkspacesProfitInIt() throws Exception {
    revenue(rep, customer, "from=2026-02-01&to=2026-02-28")
        .andExpect(jsonPath("$.revenue").value(2000))
        .andExpect(jsonPath("$.grossProfit").value(800))
        .andExpect(jsonPath("$.profitContribution").value(0.6667))
        .andExpect(jsonPath("$.orderCount").value(1))
        .andExpect(jsonPath("$.firstOrderDate").value("2026-02-01"));
    revenue(rep, customer, "from=2027-01-01")
        .andExpect(jsonPath("$.revenue").value(0))
        .andExpect(jsonPath("$.grossMargin").value(nullValue()))
        .andExpect(jsonPath("$.profitContribution").value(nullValue()))
        .andExpect(jsonPath("$.orderCount").value(0))
        .andExpect(jsonPath("$.firstOrderDate").value(nullValue()));
  }

  @Test
  void theWorkspacesProfitFollowsOrdersThatMoveAreConfirmedOrCancelled() throws Exception {
    String moved = draft(otherRep, otherCustomer, "2026-02-10", 1);
    mvc.perform(
            patch("/api/v1/orders/" + moved)
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match", Versions.current(mvc, otherRep.bearer(), "/api/v1/orders/" + moved))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"orderDate\":\"2026-03-05\"}"))
        .andExpect(status().isOk());
    send(otherRep, "/api/v1/orders/" + moved + "/transitions", "{\"status\":\"CONFIRMED\"}")
        .andExpect(status().isOk());
    revenue(rep, customer, "from=2026-02-01&to=2026-02-28")
        .andExpect(jsonPath("$.profitContribution").value(0.6667));
    revenue(rep, customer, "from=2026-03-01&to=2026-03-31")
        .andExpect(jsonPath("$.profitContribution").value(0.5));

    send(otherRep, "/api/v1/orders/" + moved + "/transitions", "{\"status\":\"CANCELLED\"}")
        .andExpect(status().isOk());
    send(otherRep, "/api/v1/orders/" + otherOrder + "/transitions", "{\"status\":\"CANCELLED\"}")
        .andExpect(status().isOk());
    revenue(rep, customer, "from=2026-03-01&to=2026-03-31")
        .andExpect(jsonPath("$.profitContribution").value(1.0));
    revenue(rep, customer, "").andExpect(jsonPath("$.profitContribution").value(1.0));
  }

  @Test
  void badPeriodsAreRejected() throws Exception {
    revenue(rep, customer, "from=2026-03-01&to=2026-01-01")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    revenue(rep, customer, "from=yesterday")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("bad-parameter"));
    revenue(rep, customer, "currency=yuan").andExpect(status().isUnprocessableContent());
  }

  @Test
  void onlyThoseWhoSeeTheCustomerSeeItsRevenue() throws Exception {
    revenue(otherRep, customer, "").andExpect(status().isNotFound());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    revenue(foreign, customer, "").andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + customer + "/revenue"))
        .andExpect(status().isUnauthorized());
    revenue(workspace.member(Role.ANALYST), customer, "")
        .andExpect(jsonPath("$.revenue").value(4000));
  }

  @Test
  void theCustomerPageShowsRevenueAndRecentOrdersToThoseWhoSeeThem() throws Exception {
    Cookie session = PageLogin.signIn(mvc, rep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers/" + customer).cookie(session))
        .andExpect(content().string(containsString("/customers/" + customer + "/sales-panel")));
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("销售额")))
        .andExpect(content().string(containsString("¥4,000.00")))
        .andExpect(content().string(containsString("¥1,600.00")))
        .andExpect(content().string(containsString("40.0%")))
        .andExpect(content().string(containsString("SO-000003")))
        .andExpect(content().string(containsString("新建订单")));
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Revenue")));

    Cookie other = PageLogin.signIn(mvc, otherRep.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers/" + customer + "/sales-panel").cookie(other))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("SO-"))));
  }

  String order(Member member, String customer, String date, int quantity, String... then)
      throws Exception {
    String id =
        idOf(
            send(
                member,
                "/api/v1/orders",
                "{\"customerId\":\"%s\",\"orderDate\":\"%s\",\"status\":\"CONFIRMED\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d}]}"
                    .formatted(customer, date, pump, quantity)));
    for (String status : then) {
      send(member, "/api/v1/orders/" + id + "/transitions", "{\"status\":\"" + status + "\"}")
          .andExpect(status().isOk());
    }
    return id;
  }

  String draft(Member member, String customer, String date, int quantity) throws Exception {
    return idOf(
        send(
            member,
            "/api/v1/orders",
            "{\"customerId\":\"%s\",\"orderDate\":\"%s\",\"lines\":[{\"productId\":\"%s\",\"quantity\":%d}]}"
                .formatted(customer, date, pump, quantity)));
  }

  ResultActions revenue(Member member, String customer, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/revenue?" + query)
            .header("Authorization", member.bearer()));
  }

  ResultActions send(Member member, String path, String json) throws Exception {
    var call =
        post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    String version = Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      call.header("If-Match", version);
    }
    return mvc.perform(call);
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
