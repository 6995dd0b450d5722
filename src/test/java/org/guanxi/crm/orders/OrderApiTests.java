package org.guanxi.crm.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@GuanxiTest
class OrderApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Member rep;
  String pump;
  String valve;

  @BeforeEach
  void catalogueAndARep() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
    pump = product("P-1", "工业水泵", "1000", "600");
    valve = product("V-1", "阀门", "50", "20");
  }

  @Test
  void anOrderTakesListPricesAndAddsUpItsTotals() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    create(
            rep,
            """
            {"customerId": "%s", "lines": [
              {"productId": "%s", "quantity": 2, "discountPercent": 10},
              {"productId": "%s", "quantity": 3},
              {"description": "安装服务", "quantity": 1, "unitPrice": 300, "unitCost": 100}]}"""
                .formatted(customer, pump, valve))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/orders/")))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.number").value("SO-000001"))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.currency").value("CNY"))
        .andExpect(jsonPath("$.customerName").value("华信科技"))
        .andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
        .andExpect(jsonPath("$.lines[0].description").value("工业水泵"))
        .andExpect(jsonPath("$.lines[0].unitPrice").value(1000))
        .andExpect(jsonPath("$.lines[0].amount").value(1800))
        .andExpect(jsonPath("$.lines[0].cost").value(1200))
        .andExpect(jsonPath("$.lines[1].amount").value(150))
        .andExpect(jsonPath("$.amount").value(2250))
        .andExpect(jsonPath("$.cost").value(1360))
        .andExpect(jsonPath("$.grossProfit").value(890));
    create(
            rep,
            "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                .formatted(customer, valve))
        .andExpect(jsonPath("$.number").value("SO-000002"));
  }

  @Test
  void aKeyAccountOrATaggedCustomerGetsItsPriceListsBestPrice() throws Exception {
    priceList("大客户价", "KEY_ACCOUNT", pump, "900");
    priceList("VIP价", "VIP", pump, "850");
    String keyAccount = customer(rep, "大客户", "KEY_ACCOUNT");
    String vip = customerWithTag(rep, "贵宾", "VIP");
    String ordinary = customer(rep, "普通客户", "ORDINARY");

    assertThat(unitPrice(keyAccount)).isEqualTo(900.0);
    assertThat(unitPrice(vip)).isEqualTo(850.0);
    assertThat(unitPrice(ordinary)).isEqualTo(1000.0);
  }

  @Test
  void badInputIsRejectedWithFieldErrorsAndNothingIsSaved() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    create(rep, "{\"customerId\": \"%s\", \"lines\": []}".formatted(customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("lines"));
    create(
            rep,
            "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 0}]}"
                .formatted(customer, pump))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
    create(
            rep,
            "{\"customerId\": \"%s\", \"lines\": [{\"quantity\": 1}, {\"productId\": \"%s\", \"quantity\": 1, \"discountPercent\": 5}]}"
                .formatted(customer, customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].code", contains("required", "unknown-product")));
    create(
            rep,
            "{\"customerId\": \"%s\", \"status\": \"PAID\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                .formatted(customer, pump))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-initial-status"));
    create(rep, "{\"customerId\": \"nope\", \"lines\": []}").andExpect(status().isBadRequest());
    assertThat(numbers(rep, "")).isEmpty();
    // the failed attempts used no number
    create(
            rep,
            "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                .formatted(customer, pump))
        .andExpect(jsonPath("$.number").value("SO-000001"));
  }

  @Test
  void anExternalNumberIsKeptAndUniqueInTheWorkspace() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    String body =
        "{\"customerId\": \"%s\", \"number\": \"ERP-77\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
            .formatted(customer, pump);
    create(rep, body).andExpect(jsonPath("$.number").value("ERP-77"));
    create(rep, body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("number-taken"));
  }

  @Test
  void withoutATokenNothingIsReadOrSaved() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    mvc.perform(
            MockMvcRequestBuilders.post("/api/v1/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                        .formatted(customer, pump)))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthorized"));
    mvc.perform(get("/api/v1/orders")).andExpect(status().isUnauthorized());
    assertThat(numbers(rep, "")).isEmpty();
  }

  @Test
  void aRepNeitherSeesNorChangesNorOrdersForAnotherRepsCustomer() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    String order = orderFor(rep, customer);
    Member otherRep = workspace.member(Role.SALES);

    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", otherRep.bearer()))
        .andExpect(status().isNotFound());
    patch(otherRep, order, null, "{\"notes\": \"改\"}").andExpect(status().isNotFound());
    transition(otherRep, order, null, "CONFIRMED").andExpect(status().isNotFound());
    create(
            otherRep,
            "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                .formatted(customer, pump))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));
    assertThat(numbers(otherRep, "")).isEmpty();
    assertThat(numbers(rep, "")).containsExactly("SO-000001");
    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.notes").value(nullValue()));
  }

  @Test
  void aManagerSeesTheTeamsOrdersAndAnAnalystReadsButCannotWrite() throws Exception {
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    Member eastRep = workspace.member(Role.SALES, east);
    Member westRep = workspace.member(Role.SALES, west);
    Member eastManager = workspace.member(Role.MANAGER, east);
    orderFor(eastRep, customer(eastRep, "东区客户", "ORDINARY"));
    orderFor(westRep, customer(westRep, "西区客户", "ORDINARY"));

    assertThat(customerNames(eastManager)).containsExactly("东区客户");
    Member analyst = workspace.member(Role.ANALYST);
    assertThat(customerNames(analyst)).containsExactlyInAnyOrder("东区客户", "西区客户");
    create(analyst, "{}").andExpect(status().isForbidden());
  }

  @Test
  void anotherWorkspacesOrderIsNotFound() throws Exception {
    String order = orderFor(rep, customer(rep, "华信科技", "ORDINARY"));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    patch(foreign, order, null, "{\"notes\": \"hijacked\"}").andExpect(status().isNotFound());
    transition(foreign, order, null, "CANCELLED").andExpect(status().isNotFound());
    assertThat(numbers(foreign, "")).isEmpty();
    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.status").value("DRAFT"));
  }

  @Test
  void aStaleChangeGets412AndChangesNothing() throws Exception {
    String order = orderFor(rep, customer(rep, "华信科技", "ORDINARY"));
    patch(
            rep,
            order,
            "\"0\"",
            "{\"lines\": [{\"productId\": \"%s\", \"quantity\": 4}]}".formatted(valve))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.amount").value(200))
        .andExpect(jsonPath("$.lines.length()").value(1));
    patch(rep, order, "\"0\"", "{\"notes\": \"旧版本\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"));
    transition(rep, order, "\"0\"", "CONFIRMED").andExpect(status().isPreconditionFailed());
    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.notes").value(nullValue()))
        .andExpect(jsonPath("$.amount").value(200));
  }

  @Test
  void anOrderMovesOnlyAlongValidTransitionsAndKeepsItsDates() throws Exception {
    String order = orderFor(rep, customer(rep, "华信科技", "ORDINARY"));
    transition(rep, order, "\"0\"", "DELIVERED")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-transition"));
    transition(rep, order, "\"0\"", "CONFIRMED")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CONFIRMED"));
    patch(
            rep,
            order,
            null,
            "{\"lines\": [{\"productId\": \"%s\", \"quantity\": 9}]}".formatted(valve))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("order-not-draft"));
    patch(rep, order, null, "{\"status\": \"PAID\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("use-transition"));
    patch(rep, order, null, "{\"notes\": \"周五送货\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notes").value("周五送货"));
    mvc.perform(
            MockMvcRequestBuilders.post("/api/v1/orders/" + order + "/transitions")
                .header("Authorization", rep.bearer())
                .header("If-Match", Versions.current(mvc, rep.bearer(), "/api/v1/orders/" + order))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"DELIVERED\", \"date\": \"2026-03-02\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliveredOn").value("2026-03-02"));
    transition(rep, order, null, "CANCELLED").andExpect(status().isUnprocessableContent());
    transition(rep, order, null, "PAID")
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.paidOn").isNotEmpty())
        .andExpect(jsonPath("$.deliveredOn").value("2026-03-02"));
    transition(rep, order, null, "RETURNED").andExpect(jsonPath("$.status").value("RETURNED"));
    transition(rep, order, null, "CONFIRMED").andExpect(status().isUnprocessableContent());
    transition(rep, order, null, "SHIPPED").andExpect(status().isBadRequest());
  }

  /**
   * Prepayment: a confirmed order is paid before delivery and stays PAID when it is delivered; it
   * is returned only once delivered, never cancelled, and counts as revenue once throughout.
   */
  @Test
  void aPrepaidOrderIsDeliveredLaterAndReturnedOnlyOnceDelivered() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    String order = orderFor(rep, customer);
    transition(rep, order, "\"0\"", "PAID")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-transition"));
    transition(rep, order, null, "CONFIRMED").andExpect(status().isOk());
    transition(rep, order, null, "PAID", "2026-03-01")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.paidOn").value("2026-03-01"))
        .andExpect(jsonPath("$.deliveredOn").isEmpty());
    revenue(customer)
        .andExpect(jsonPath("$.revenue").value(1000))
        .andExpect(jsonPath("$.orderCount").value(1));

    transition(rep, order, null, "RETURNED")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].code").value("order-not-delivered"));
    transition(rep, order, null, "CANCELLED")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("order-paid"));
    transition(rep, order, null, "PAID")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-transition"));

    transition(rep, order, "\"2\"", "DELIVERED", "2026-03-05")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""))
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.paidOn").value("2026-03-01"))
        .andExpect(jsonPath("$.deliveredOn").value("2026-03-05"));
    transition(rep, order, null, "DELIVERED")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-transition"));
    revenue(customer)
        .andExpect(jsonPath("$.revenue").value(1000))
        .andExpect(jsonPath("$.orderCount").value(1));
    mvc.perform(get("/api/v1/orders").param("status", "PAID").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(order)));

    transition(rep, order, null, "RETURNED")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RETURNED"));
    revenue(customer).andExpect(jsonPath("$.orderCount").value(0));
  }

  @Test
  void aConfirmedOrderIsStillCancelledAndADeliveredOneStillPaid() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    String cancelled = orderFor(rep, customer);
    transition(rep, cancelled, null, "CONFIRMED").andExpect(status().isOk());
    transition(rep, cancelled, null, "CANCELLED")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"));
    String delivered = orderFor(rep, customer);
    transition(rep, delivered, null, "CONFIRMED").andExpect(status().isOk());
    transition(rep, delivered, null, "DELIVERED", "2026-03-02")
        .andExpect(jsonPath("$.status").value("DELIVERED"))
        .andExpect(jsonPath("$.paidOn").isEmpty());
    transition(rep, delivered, null, "CANCELLED")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-transition"));
    transition(rep, delivered, null, "PAID", "2026-03-09")
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.deliveredOn").value("2026-03-02"))
        .andExpect(jsonPath("$.paidOn").value("2026-03-09"));
  }

  @Test
  void theListFiltersByCustomerStatusAndDateAndPagesByCursor() throws Exception {
    String first = customer(rep, "甲公司", "ORDINARY");
    String second = customer(rep, "乙公司", "ORDINARY");
    for (int day = 1; day <= 5; day++) {
      create(
          rep,
          "{\"customerId\": \"%s\", \"orderDate\": \"2026-01-0%d\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
              .formatted(day % 2 == 0 ? second : first, day, pump));
    }
    String confirmed = orderFor(rep, second);
    transition(rep, confirmed, null, "CONFIRMED").andExpect(status().isOk());

    assertThat(numbers(rep, "customerId=" + first))
        .containsExactly("SO-000005", "SO-000003", "SO-000001");
    assertThat(numbers(rep, "status=CONFIRMED")).containsExactly("SO-000006");
    assertThat(numbers(rep, "from=2026-01-02&to=2026-01-04"))
        .containsExactly("SO-000004", "SO-000003", "SO-000002");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String json =
          mvc.perform(
                  get("/api/v1/orders")
                      .param("limit", "4")
                      .param("cursor", cursor)
                      .header("Authorization", rep.bearer()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      seen.addAll(JsonPath.read(json, "$.items[*].number"));
      cursor = JsonPath.read(json, "$.nextCursor");
    } while (cursor != null);
    assertThat(seen).hasSize(6).doesNotHaveDuplicates().startsWith("SO-000006", "SO-000005");

    mvc.perform(get("/api/v1/orders?status=SHIPPED").header("Authorization", rep.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("bad-parameter"));
    mvc.perform(get("/api/v1/orders?cursor=garbage").header("Authorization", rep.bearer()))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyCreatesOneOrder() throws Exception {
    String customer = customer(rep, "华信科技", "ORDINARY");
    String body =
        "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
            .formatted(customer, pump);
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              MockMvcRequestBuilders.post("/api/v1/orders")
                  .header("Authorization", rep.bearer())
                  .header("Idempotency-Key", "order-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(body))
          .andExpect(status().isCreated())
          .andExpect(jsonPath("$.number").value("SO-000001"));
    }
    assertThat(numbers(rep, "")).containsExactly("SO-000001");
  }

  @Test
  void theOrdersOfAMergedDuplicateFollowItToTheSurvivor() throws Exception {
    String survivor = customer(rep, "华信科技有限公司", "ORDINARY");
    String duplicate = customer(rep, "华信科技", "ORDINARY");
    String order = orderFor(rep, duplicate);
    post(rep, "/api/v1/customers/" + survivor + "/merge", "{\"duplicateId\":\"" + duplicate + "\"}")
        .andExpect(status().is2xxSuccessful());

    // the orders follow once the merge is committed (a module listener)
    await()
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/orders/" + order).header("Authorization", rep.bearer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customerId").value(survivor))
                    .andExpect(jsonPath("$.version").value(1)));
    assertThat(numbers(rep, "customerId=" + survivor)).containsExactly("SO-000001");
  }

  // ---- helpers

  double unitPrice(String customer) throws Exception {
    String json =
        create(
                rep,
                "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                    .formatted(customer, pump))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return ((Number) JsonPath.read(json, "$.lines[0].unitPrice")).doubleValue();
  }

  String product(String code, String name, String price, String cost) throws Exception {
    return idOf(
        post(
            admin,
            "/api/v1/products",
            "{\"code\":\"%s\",\"name\":\"%s\",\"unit\":\"台\",\"listPrice\":%s,\"unitCost\":%s}"
                .formatted(code, name, price, cost)));
  }

  void priceList(String name, String group, String product, String price) throws Exception {
    String list =
        idOf(
            post(
                admin,
                "/api/v1/price-lists",
                "{\"name\":\"%s\",\"customerGroup\":\"%s\"}".formatted(name, group)));
    mvc.perform(
            MockMvcRequestBuilders.put("/api/v1/price-lists/" + list + "/prices/" + product)
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/price-lists/" + list))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"price\": " + price + "}"))
        .andExpect(status().isOk());
  }

  String customer(Member owner, String name, String classification) throws Exception {
    return idOf(
        post(
            owner,
            "/api/v1/customers",
            "{\"kind\":\"ORGANIZATION\",\"name\":\"%s\",\"classification\":\"%s\"}"
                .formatted(name, classification)));
  }

  String customerWithTag(Member owner, String name, String tag) throws Exception {
    return idOf(
        post(
            owner,
            "/api/v1/customers",
            "{\"kind\":\"ORGANIZATION\",\"name\":\"%s\",\"tags\":[\"%s\"]}".formatted(name, tag)));
  }

  String orderFor(Member member, String customer) throws Exception {
    return idOf(
        create(
            member,
            "{\"customerId\": \"%s\", \"lines\": [{\"productId\": \"%s\", \"quantity\": 1}]}"
                .formatted(customer, pump)));
  }

  ResultActions create(Member member, String json) throws Exception {
    return post(member, "/api/v1/orders", json);
  }

  ResultActions post(Member member, String path, String json) throws Exception {
    var call =
        MockMvcRequestBuilders.post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    String version = Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      call.header("If-Match", version);
    }
    return mvc.perform(call);
  }

  ResultActions patch(Member member, String order, String ifMatch, String json) throws Exception {
    var call =
        MockMvcRequestBuilders.patch("/api/v1/orders/" + order)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    call.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/orders/" + order));
    return mvc.perform(call);
  }

  ResultActions transition(Member member, String order, String ifMatch, String status)
      throws Exception {
    var call =
        MockMvcRequestBuilders.post("/api/v1/orders/" + order + "/transitions")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\": \"" + status + "\"}");
    call.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/orders/" + order));
    return mvc.perform(call);
  }

  ResultActions transition(Member member, String order, String ifMatch, String status, String date)
      throws Exception {
    var call =
        MockMvcRequestBuilders.post("/api/v1/orders/" + order + "/transitions")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\": \"" + status + "\", \"date\": \"" + date + "\"}");
    call.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/orders/" + order));
    return mvc.perform(call);
  }

  ResultActions revenue(String customer) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/" + customer + "/revenue").header("Authorization", rep.bearer()));
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }

  List<String> numbers(Member member, String query) throws Exception {
    return JsonPath.read(listJson(member, query), "$.items[*].number");
  }

  List<String> customerNames(Member member) throws Exception {
    return JsonPath.read(listJson(member, ""), "$.items[*].customerName");
  }

  String listJson(Member member, String query) throws Exception {
    return mvc.perform(get("/api/v1/orders?" + query).header("Authorization", member.bearer()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
