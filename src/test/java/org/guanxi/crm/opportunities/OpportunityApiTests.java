package org.guanxi.crm.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@GuanxiTest
class OpportunityApiTests {

  static final String CLOSE = LocalDate.now().plusMonths(2).toString();

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Member rep;
  String customer;
  List<String> stages;

  @BeforeEach
  void aRepWithACustomer() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    rep = workspace.member(Role.SALES);
    customer = customer(rep, "华信科技");
    stages = JsonPath.read(json(call(rep, get("/api/v1/pipelines"))), "$.items[0].stages[*].id");
  }

  @Test
  void aNewWorkspaceHasTheDefaultPipelineWithFourStages() throws Exception {
    call(rep, get("/api/v1/pipelines"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].isDefault").value(true))
        .andExpect(jsonPath("$.items[0].stages[*].probability", contains(10, 30, 60, 80)));
  }

  @Test
  void aDealStartsInTheFirstStageWithItsProbabilityAndMovesAlong() throws Exception {
    String deal =
        idOf(
            create(
                    rep,
                    """
                    {"name": "年度采购", "customerId": "%s", "amount": 120000, "expectedCloseDate": "%s",
                     "nextStep": "发报价", "competitors": ["西门子"]}"""
                        .formatted(customer, CLOSE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/opportunities/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.stageId").value(stages.get(0)))
                .andExpect(jsonPath("$.probability").value(10))
                .andExpect(jsonPath("$.weightedAmount").value(12000))
                .andExpect(jsonPath("$.customerName").value("华信科技"))
                .andExpect(jsonPath("$.ownerId").value(rep.id().toString()))
                .andExpect(jsonPath("$.competitors[0]").value("西门子")));
    move(rep, deal, "\"0\"", stages.get(2))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.stageId").value(stages.get(2)))
        .andExpect(jsonPath("$.probability").value(60));
    patch(rep, deal, "\"1\"", "{\"stageId\": \"%s\"}".formatted(stages.get(3)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.probability").value(80));
    patch(rep, deal, null, "{\"probability\": 90, \"nextStep\": \"签合同\"}")
        .andExpect(jsonPath("$.probability").value(90))
        .andExpect(jsonPath("$.nextStep").value("签合同"))
        .andExpect(jsonPath("$.stageId").value(stages.get(3)));
  }

  @Test
  void productLinesMakeUpTheAmountAtTheCustomersPrice() throws Exception {
    String pump =
        idOf(
            post(
                admin,
                "/api/v1/products",
                "{\"code\":\"P-1\",\"name\":\"工业水泵\",\"unit\":\"台\",\"listPrice\":1000}"));
    create(
            rep,
            """
            {"name": "水泵", "customerId": "%s", "expectedCloseDate": "%s",
             "lines": [{"productId": "%s", "quantity": 3, "discountPercent": 10},
                       {"description": "安装", "quantity": 1, "unitPrice": 500}]}"""
                .formatted(customer, CLOSE, pump))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.lines[0].description").value("工业水泵"))
        .andExpect(jsonPath("$.lines[0].amount").value(2700))
        .andExpect(jsonPath("$.amount").value(3200));
    create(
            rep,
            """
            {"name": "水泵", "customerId": "%s", "expectedCloseDate": "%s", "amount": 1,
             "lines": [{"productId": "%s", "quantity": 3}]}"""
                .formatted(customer, CLOSE, pump))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("amount-from-lines"));
  }

  @Test
  void badInputIsRejectedAndNothingIsSaved() throws Exception {
    create(rep, "{\"customerId\": \"%s\"}".formatted(customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItems("name", "expectedCloseDate")));
    create(
            rep,
            "{\"name\": \"x\", \"customerId\": \"%s\", \"expectedCloseDate\": \"%s\"}"
                .formatted(customer, CLOSE))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    create(
            rep,
            "{\"name\": \"x\", \"customerId\": \"%s\", \"amount\": 1, \"expectedCloseDate\": \"%s\", \"probability\": 150}"
                .formatted(customer, CLOSE))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("probability"));
    create(
            rep,
            "{\"name\": \"x\", \"customerId\": \"%s\", \"amount\": 1, \"expectedCloseDate\": \"%s\", \"stageId\": \"%s\"}"
                .formatted(customer, CLOSE, customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-stage"));
    create(rep, "{\"name\": \"x\", \"customerId\": \"nope\"}").andExpect(status().isBadRequest());
    create(rep, "not json").andExpect(status().isBadRequest());
    assertThat(names(rep, "")).isEmpty();
  }

  @Test
  void withoutATokenNothingIsReadOrSavedAndARoleWithoutThePermissionIsRefused() throws Exception {
    mvc.perform(
            MockMvcRequestBuilders.post("/api/v1/opportunities")
                .contentType(MediaType.APPLICATION_JSON)
                .content(deal(customer, "x")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/opportunities")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/opportunities/forecast")).andExpect(status().isUnauthorized());
    Member marketing = workspace.member(Role.MARKETING);
    create(marketing, deal(customer, "x")).andExpect(status().isForbidden());
    call(marketing, get("/api/v1/opportunities")).andExpect(status().isForbidden());
    Member analyst = workspace.member(Role.ANALYST);
    create(analyst, deal(customer, "x")).andExpect(status().isForbidden());
    post(
            rep,
            "/api/v1/pipelines",
            "{\"name\": \"p\", \"stages\": [{\"name\": \"a\", \"probability\": 5}]}")
        .andExpect(status().isForbidden());
    assertThat(names(admin, "")).isEmpty();
  }

  @Test
  void aRepNeitherSeesNorChangesAnotherRepsDealsAndAManagerSeesTheTeams() throws Exception {
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    Member eastRep = workspace.member(Role.SALES, east);
    Member westRep = workspace.member(Role.SALES, west);
    Member eastManager = workspace.member(Role.MANAGER, east);
    String eastDeal = idOf(create(eastRep, deal(customer(eastRep, "东区客户"), "东区商机")));
    idOf(create(westRep, deal(customer(westRep, "西区客户"), "西区商机")));

    call(westRep, get("/api/v1/opportunities/" + eastDeal)).andExpect(status().isNotFound());
    patch(westRep, eastDeal, null, "{\"name\": \"改\"}").andExpect(status().isNotFound());
    move(westRep, eastDeal, null, stages.get(1)).andExpect(status().isNotFound());
    post(westRep, "/api/v1/opportunities/" + eastDeal + "/win", "{}")
        .andExpect(status().isNotFound());
    assertThat(names(westRep, "")).containsExactly("西区商机");
    assertThat(names(eastManager, "")).containsExactly("东区商机");
    assertThat(names(admin, "")).containsExactlyInAnyOrder("东区商机", "西区商机");
    patch(eastManager, eastDeal, null, "{\"nextStep\": \"经理跟进\"}").andExpect(status().isOk());
    // a rep cannot open a deal for a customer the rep may not see
    create(westRep, deal(customer(eastRep, "东区另一客户"), "抢单"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));
    call(eastRep, get("/api/v1/opportunities/" + eastDeal))
        .andExpect(jsonPath("$.name").value("东区商机"))
        .andExpect(jsonPath("$.nextStep").value("经理跟进"));
  }

  @Test
  void anotherWorkspacesDealIsNotFound() throws Exception {
    String deal = idOf(create(rep, deal(customer, "年度采购")));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    call(foreign, get("/api/v1/opportunities/" + deal)).andExpect(status().isNotFound());
    patch(foreign, deal, null, "{\"name\": \"hijacked\"}").andExpect(status().isNotFound());
    post(foreign, "/api/v1/opportunities/" + deal + "/lose", "{\"reason\": \"PRICE\"}")
        .andExpect(status().isNotFound());
    mvc.perform(
            MockMvcRequestBuilders.delete("/api/v1/opportunities/" + deal)
                .header("Authorization", foreign.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, foreign.bearer(), "/api/v1/opportunities/" + deal)))
        .andExpect(status().isNotFound());
    assertThat(names(foreign, "")).isEmpty();
    call(rep, get("/api/v1/opportunities/" + deal))
        .andExpect(jsonPath("$.name").value("年度采购"))
        .andExpect(jsonPath("$.status").value("OPEN"));
  }

  @Test
  void aStaleVersionGets412AndChangesNothing() throws Exception {
    String deal = idOf(create(rep, deal(customer, "年度采购")));
    patch(rep, deal, "\"0\"", "{\"name\": \"新名字\"}").andExpect(status().isOk());
    patch(rep, deal, "\"0\"", "{\"name\": \"旧版本\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(header().string("ETag", "\"1\""));
    move(rep, deal, "\"0\"", stages.get(1)).andExpect(status().isPreconditionFailed());
    post(rep, "/api/v1/opportunities/" + deal + "/win", "{}", "\"0\"")
        .andExpect(status().isPreconditionFailed());
    call(rep, get("/api/v1/opportunities/" + deal))
        .andExpect(jsonPath("$.name").value("新名字"))
        .andExpect(jsonPath("$.stageId").value(stages.get(0)))
        .andExpect(jsonPath("$.status").value("OPEN"));
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyCreatesOneDeal() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              MockMvcRequestBuilders.post("/api/v1/opportunities")
                  .header("Authorization", rep.bearer())
                  .header("Idempotency-Key", "deal-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(deal(customer, "年度采购")))
          .andExpect(status().isCreated());
    }
    assertThat(names(rep, "")).containsExactly("年度采购");
  }

  @Test
  void aLostDealNeedsAReasonAndAClosedDealNeitherMovesNorChangesItsFigures() throws Exception {
    String deal = idOf(create(rep, deal(customer, "年度采购")));
    post(rep, "/api/v1/opportunities/" + deal + "/lose", "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    post(rep, "/api/v1/opportunities/" + deal + "/lose", "{\"reason\": \"EXPENSIVE\"}")
        .andExpect(status().isBadRequest());
    post(
            rep,
            "/api/v1/opportunities/" + deal + "/lose",
            "{\"reason\": \"COMPETITOR\", \"note\": \"输给西门子\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("LOST"))
        .andExpect(jsonPath("$.probability").value(0))
        .andExpect(jsonPath("$.lostReason").value("COMPETITOR"))
        .andExpect(jsonPath("$.lostNote").value("输给西门子"))
        .andExpect(jsonPath("$.closedOn").isNotEmpty());
    move(rep, deal, null, stages.get(1))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("opportunity-closed"));
    patch(rep, deal, null, "{\"amount\": 5}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("opportunity-closed"));
    patch(rep, deal, null, "{\"description\": \"价格高出 20%\"}").andExpect(status().isOk());
    post(rep, "/api/v1/opportunities/" + deal + "/win", "{}")
        .andExpect(status().isUnprocessableContent());
    post(rep, "/api/v1/opportunities/" + deal + "/reopen", "{}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("OPEN"))
        .andExpect(jsonPath("$.lostReason").value(nullValue()))
        .andExpect(jsonPath("$.probability").value(10));
    call(rep, get("/api/v1/customers/" + customer + "/timeline"))
        .andExpect(jsonPath("$.items[*].kind", hasItem("OPPORTUNITY_LOST")));
  }

  @Test
  void aWonDealMakesItsOrderWithItsLinesAndBothAreOnTheCustomersTimeline() throws Exception {
    String pump =
        idOf(
            post(
                admin,
                "/api/v1/products",
                "{\"code\":\"P-1\",\"name\":\"工业水泵\",\"unit\":\"台\",\"listPrice\":1000}"));
    String deal =
        idOf(
            create(
                rep,
                """
                {"name": "水泵项目", "customerId": "%s", "expectedCloseDate": "%s",
                 "lines": [{"productId": "%s", "quantity": 2}]}"""
                    .formatted(customer, CLOSE, pump)));
    post(rep, "/api/v1/opportunities/" + deal + "/order", "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("not-won"));
    String won =
        json(
            post(rep, "/api/v1/opportunities/" + deal + "/win", "{\"reason\": \"关系好\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WON"))
                .andExpect(jsonPath("$.probability").value(100))
                .andExpect(jsonPath("$.wonReason").value("关系好")));
    post(
            rep,
            "/api/v1/opportunities/" + deal + "/order",
            "{\"status\": \"CONFIRMED\"}",
            "\"" + JsonPath.read(won, "$.version") + "\"")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").isNotEmpty());
    String order =
        JsonPath.read(json(call(rep, get("/api/v1/opportunities/" + deal))), "$.orderId");
    call(rep, get("/api/v1/orders/" + order))
        .andExpect(jsonPath("$.status").value("CONFIRMED"))
        .andExpect(jsonPath("$.customerId").value(customer))
        .andExpect(jsonPath("$.lines[0].productId").value(pump))
        .andExpect(jsonPath("$.amount").value(2000));
    post(rep, "/api/v1/opportunities/" + deal + "/order", "{}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("order-made"));
    post(rep, "/api/v1/opportunities/" + deal + "/reopen", "{}")
        .andExpect(status().isUnprocessableContent());
    call(rep, get("/api/v1/customers/" + customer + "/timeline"))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind in ['OPPORTUNITY_WON', 'ORDER_PLACED'])].kind",
                contains("ORDER_PLACED", "OPPORTUNITY_WON")))
        .andExpect(
            jsonPath(
                "$.items[?(@.kind == 'OPPORTUNITY_WON')].detail.link",
                contains("/opportunities/" + deal)));
  }

  @Test
  void winningWithAnOrderMakesTheDraftOrderInTheSameStep() throws Exception {
    String deal = idOf(create(rep, deal(customer, "服务合同")));
    post(rep, "/api/v1/opportunities/" + deal + "/win", "{\"order\": \"DRAFT\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").isNotEmpty());
    String order =
        JsonPath.read(json(call(rep, get("/api/v1/opportunities/" + deal))), "$.orderId");
    call(rep, get("/api/v1/orders/" + order))
        .andExpect(jsonPath("$.status").value("DRAFT"))
        .andExpect(jsonPath("$.lines[0].description").value("服务合同"))
        .andExpect(jsonPath("$.amount").value(50000));
  }

  @Test
  void theListFiltersByStageStatusAndOwnerAndPagesByCursor() throws Exception {
    for (int i = 1; i <= 5; i++) {
      String deal = idOf(create(rep, deal(customer, "商机" + i)));
      if (i % 2 == 0) {
        move(rep, deal, null, stages.get(1)).andExpect(status().isOk());
      }
    }
    assertThat(names(rep, "stageId=" + stages.get(1))).containsExactly("商机4", "商机2");
    assertThat(names(rep, "status=OPEN")).hasSize(5);
    assertThat(names(rep, "status=WON")).isEmpty();
    assertThat(names(admin, "ownerId=" + rep.id())).hasSize(5);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String json =
          json(call(rep, get("/api/v1/opportunities").param("limit", "2").param("cursor", cursor)));
      seen.addAll(JsonPath.read(json, "$.items[*].name"));
      cursor = JsonPath.read(json, "$.nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactly("商机5", "商机4", "商机3", "商机2", "商机1");
    call(rep, get("/api/v1/opportunities?status=PENDING")).andExpect(status().isBadRequest());
    call(rep, get("/api/v1/opportunities?cursor=garbage"))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void theOpportunitiesOfAMergedDuplicateFollowItToTheSurvivor() throws Exception {
    String survivor = customer(rep, "华信科技有限公司");
    String deal = idOf(create(rep, deal(customer, "年度采购")));
    post(rep, "/api/v1/customers/" + survivor + "/merge", "{\"duplicateId\":\"" + customer + "\"}")
        .andExpect(status().is2xxSuccessful());
    // the deals follow once the merge is committed (a module listener)
    await()
        .untilAsserted(
            () ->
                call(rep, get("/api/v1/opportunities/" + deal))
                    .andExpect(jsonPath("$.customerId").value(survivor)));
  }

  // ---- helpers

  static String deal(String customer, String name) {
    return "{\"name\": \"%s\", \"customerId\": \"%s\", \"amount\": 50000, \"expectedCloseDate\": \"%s\"}"
        .formatted(name, customer, CLOSE);
  }

  String customer(Member owner, String name) throws Exception {
    return idOf(
        post(
            owner,
            "/api/v1/customers",
            "{\"kind\":\"ORGANIZATION\",\"name\":\"%s\"}".formatted(name)));
  }

  ResultActions create(Member member, String json) throws Exception {
    return post(member, "/api/v1/opportunities", json);
  }

  ResultActions move(Member member, String deal, String ifMatch, String stage) throws Exception {
    return post(
        member,
        "/api/v1/opportunities/" + deal + "/stage",
        "{\"stageId\": \"" + stage + "\"}",
        ifMatch);
  }

  ResultActions post(Member member, String path, String json) throws Exception {
    return post(member, path, json, null);
  }

  ResultActions post(Member member, String path, String json, String ifMatch) throws Exception {
    var call =
        MockMvcRequestBuilders.post(path)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    String version = ifMatch != null ? ifMatch : Versions.forChange(mvc, member.bearer(), path);
    if (version != null) {
      call.header("If-Match", version);
    }
    return mvc.perform(call);
  }

  ResultActions patch(Member member, String deal, String ifMatch, String json) throws Exception {
    var call =
        MockMvcRequestBuilders.patch("/api/v1/opportunities/" + deal)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    call.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/opportunities/" + deal));
    return mvc.perform(call);
  }

  ResultActions call(Member member, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Authorization", member.bearer()));
  }

  static String json(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(json(created.andExpect(status().isCreated())), "$.id");
  }

  List<String> names(Member member, String query) throws Exception {
    return JsonPath.read(
        json(call(member, get("/api/v1/opportunities?" + query)).andExpect(status().isOk())),
        "$.items[*].name");
  }
}
