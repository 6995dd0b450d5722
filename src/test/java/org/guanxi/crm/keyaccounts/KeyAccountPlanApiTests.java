package org.guanxi.crm.keyaccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
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

@GuanxiTest
class KeyAccountPlanApiTests {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member owner;
  String customer;
  String contact;

  @BeforeEach
  void aKeyCustomerOwnedByARep() throws Exception {
    workspace = workspaces.create();
    owner = workspace.member(Role.SALES);
    customer = customer(owner, "华为技术", "KEY_ACCOUNT");
    contact =
        idOf(
            mvc.perform(
                post("/api/v1/customers/" + customer + "/contacts")
                    .header("Authorization", owner.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"刘伟\", \"title\": \"CIO\"}")));
  }

  @Test
  void theOwnerStartsAPlanWithGoalsStakeholdersTeamAndSteps() throws Exception {
    Member presales = workspace.member(Role.SERVICE);
    create(
            owner,
            """
            {"customerId": "%s", "year": 2026,
             "goals": [{"description": "续签框架协议", "targetAmount": 1200000},
                       {"description": "进入云业务", "status": "AT_RISK"}],
             "stakeholders": [{"name": "刘伟", "title": "CIO", "buyingRole": "DECISION_MAKER",
                               "attitude": "SUPPORTER", "contactId": "%s"},
                              {"name": "王总", "buyingRole": "ECONOMIC_BUYER", "attitude": "SCEPTIC"}],
             "team": [{"userId": "%s", "role": "ACCOUNT_MANAGER"}, {"userId": "%s", "role": "PRESALES"}],
             "steps": [{"description": "与 CIO 的工作坊", "ownerId": "%s", "reviewDate": "%s"},
                       {"description": "提交方案", "ownerId": "%s", "reviewDate": "%s"}]}"""
                .formatted(
                    customer,
                    contact,
                    owner.id(),
                    presales.id(),
                    owner.id(),
                    TODAY.minusDays(3),
                    presales.id(),
                    TODAY.plusDays(10)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/key-account-plans/")))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.customerName").value("华为技术"))
        .andExpect(jsonPath("$.year").value(2026))
        .andExpect(jsonPath("$.goals[0].currency").value("CNY"))
        .andExpect(jsonPath("$.goals[0].targetAmount").value(1200000))
        .andExpect(jsonPath("$.goals[0].status").value("OPEN"))
        .andExpect(jsonPath("$.goals[1].currency").value(nullValue()))
        .andExpect(jsonPath("$.goals[1].status").value("AT_RISK"))
        .andExpect(jsonPath("$.stakeholders[0].contactName").value("刘伟"))
        .andExpect(jsonPath("$.stakeholders[1].attitude").value("SCEPTIC"))
        .andExpect(jsonPath("$.team[1].role").value("PRESALES"))
        .andExpect(jsonPath("$.team[1].displayName").value("Test " + presales.username()))
        .andExpect(jsonPath("$.steps[0].overdue").value(true))
        .andExpect(jsonPath("$.steps[1].overdue").value(false))
        .andExpect(jsonPath("$.steps[1].ownerName").value("Test " + presales.username()))
        .andExpect(jsonPath("$.nextReviewDate").value(TODAY.minusDays(3).toString()))
        .andExpect(jsonPath("$.overdueSteps").value(1))
        .andExpect(jsonPath("$.editable").value(true));

    mvc.perform(get("/api/v1/key-account-plans").header("Authorization", owner.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].customerName").value("华为技术"))
        .andExpect(jsonPath("$.items[0].nextReviewDate").value(TODAY.minusDays(3).toString()))
        .andExpect(jsonPath("$.items[0].openSteps").value(2))
        .andExpect(jsonPath("$.items[0].overdueSteps").value(1))
        .andExpect(jsonPath("$.items[0].teamSize").value(2));
  }

  @Test
  void badInputIsRefusedWithFieldErrorsAndNothingIsSaved() throws Exception {
    create(owner, "{\"year\": 2026}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("customerId"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    String ordinary = customer(owner, "小卖部", "ORDINARY");
    create(owner, "{\"customerId\": \"" + ordinary + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("not-a-key-account"));
    create(owner, "{\"customerId\": \"" + customer + "\", \"year\": 1999}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    create(
            owner,
            """
            {"customerId": "%s", "goals": [{"description": " ", "targetAmount": -5, "currency": "yuan"}]}"""
                .formatted(customer))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                hasItems("goals[0].description", "goals[0].targetAmount", "goals[0].currency")));
    create(
            owner,
            """
            {"customerId": "%s",
             "stakeholders": [{"name": "x", "buyingRole": "USER", "attitude": "NEUTRAL",
                               "contactId": "%s"}],
             "team": [{"userId": "%s", "role": "SALES"}, {"userId": "%s", "role": "OTHER"},
                      {"userId": "%s", "role": "OTHER"}],
             "steps": [{"id": "%s", "description": "x", "ownerId": "%s", "reviewDate": "2026-01-01"}]}"""
                .formatted(
                    customer, customer, owner.id(), owner.id(), customer, contact, owner.id()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].code",
                containsInAnyOrder(
                    "unknown-contact", "member-twice", "unknown-user", "unknown-part")));
    create(
            owner,
            """
            {"customerId": "%s", "stakeholders": [{"name": "x", "buyingRole": "USER", "attitude": "HAPPY"}]}"""
                .formatted(customer))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));
    assertThat(plans(owner)).isEmpty();
  }

  @Test
  void callersWithoutTokenGet401AndRolesWithoutThePermissionGet403() throws Exception {
    mvc.perform(
            post("/api/v1/key-account-plans")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": \"" + customer + "\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    Member analyst = workspace.member(Role.ANALYST);
    create(analyst, "{\"customerId\": \"" + customer + "\"}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    assertThat(plans(owner)).isEmpty();
    String plan = idOf(create(owner, "{\"customerId\": \"" + customer + "\"}"));
    mvc.perform(get("/api/v1/key-account-plans/" + plan).header("Authorization", analyst.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.editable").value(false));
    put(analyst, plan, "\"0\"", "{}").andExpect(status().isForbidden());
    mvc.perform(
            delete("/api/v1/key-account-plans/" + plan)
                .header("Authorization", analyst.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, analyst.bearer(), "/api/v1/key-account-plans/" + plan)))
        .andExpect(status().isForbidden());
  }

  @Test
  void whoMaySeeTheCustomerReadsAndOnlyOwnerManagersAndTheTeamChange() throws Exception {
    String plan = idOf(create(owner, "{\"customerId\": \"" + customer + "\"}"));
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(get("/api/v1/key-account-plans/" + plan).header("Authorization", otherRep.bearer()))
        .andExpect(status().isNotFound());
    put(otherRep, plan, "\"0\"", "{}").andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/key-account-plans/" + plan)
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, otherRep.bearer(), "/api/v1/key-account-plans/" + plan)))
        .andExpect(status().isNotFound());
    assertThat(plans(otherRep)).isEmpty();
    create(otherRep, "{\"customerId\": \"" + customer + "\", \"year\": 2030}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));

    Member service = workspace.member(Role.SERVICE);
    mvc.perform(get("/api/v1/key-account-plans/" + plan).header("Authorization", service.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.editable").value(false));
    put(service, plan, "\"0\"", "{\"goals\": [{\"description\": \"x\"}]}")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not-on-account-team"));
    create(service, "{\"customerId\": \"" + customer + "\", \"year\": 2030}")
        .andExpect(status().isForbidden());

    put(owner, plan, "\"0\"", teamOf(service, "SERVICE")).andExpect(status().isOk());
    put(
            service,
            plan,
            "\"1\"",
            teamOf(service, "SERVICE")
                .replace("}]}", "}], \"goals\": [{\"description\": \"服务满意度\"}]}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2\""))
        .andExpect(jsonPath("$.goals[0].description").value("服务满意度"));

    Member manager = workspace.member(Role.MANAGER);
    put(manager, plan, "\"2\"", "{\"year\": 2031}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.year").value(2031))
        .andExpect(jsonPath("$.team").isEmpty());
  }

  @Test
  void anotherWorkspacesPlanIsNotFound() throws Exception {
    String plan = idOf(create(owner, "{\"customerId\": \"" + customer + "\"}"));
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/key-account-plans/" + plan).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    put(foreign, plan, "\"0\"", "{}").andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/key-account-plans/" + plan)
                .header("Authorization", foreign.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, foreign.bearer(), "/api/v1/key-account-plans/" + plan)))
        .andExpect(status().isNotFound());
    create(foreign, "{\"customerId\": \"" + customer + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-customer"));
    assertThat(plans(foreign)).isEmpty();
    assertThat(plans(owner)).hasSize(1);
  }

  @Test
  void aStaleOrMissingVersionChangesNothing() throws Exception {
    String plan = idOf(create(owner, "{\"customerId\": \"" + customer + "\"}"));
    put(owner, plan, "\"0\"", "{\"goals\": [{\"description\": \"第一\"}]}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    put(owner, plan, "\"0\"", "{\"goals\": [{\"description\": \"覆盖\"}]}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));
    put(owner, plan, null, "{\"goals\": []}")
        .andExpect(status().isPreconditionRequired())
        .andExpect(jsonPath("$.code").value("if-match-required"));
    mvc.perform(
            delete("/api/v1/key-account-plans/" + plan)
                .header("Authorization", owner.bearer())
                .header("If-Match", "\"0\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(get("/api/v1/key-account-plans/" + plan).header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.goals[*].description", contains("第一")));
    mvc.perform(
            delete("/api/v1/key-account-plans/" + plan)
                .header("Authorization", owner.bearer())
                .header("If-Match", "\"1\""))
        .andExpect(status().isNoContent());
    assertThat(plans(owner)).isEmpty();
  }

  @Test
  void aRepeatedIdempotencyKeyStartsOnePlan() throws Exception {
    String body = "{\"customerId\": \"" + customer + "\", \"year\": 2027}";
    String first =
        mvc.perform(
                post("/api/v1/key-account-plans")
                    .header("Authorization", owner.bearer())
                    .header("Idempotency-Key", "plan-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                post("/api/v1/key-account-plans")
                    .header("Authorization", owner.bearer())
                    .header("Idempotency-Key", "plan-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(plans(owner)).hasSize(1);
  }

  @Test
  void aCustomerHasOnePlanPerYear() throws Exception {
    String plan = idOf(create(owner, "{\"customerId\": \"" + customer + "\", \"year\": 2040}"));
    create(owner, "{\"customerId\": \"" + customer + "\", \"year\": 2040}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("key-account-plan-exists"))
        .andExpect(jsonPath("$.planId").value(plan));
    String next = idOf(create(owner, "{\"customerId\": \"" + customer + "\", \"year\": 2041}"));
    put(owner, next, "\"0\"", "{\"year\": 2040}")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.planId").value(plan));
    put(owner, next, "\"0\"", "{\"customerId\": \"" + contact + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("customer-fixed"));
    create(owner, "{\"customerId\": \"" + customer + "\"}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.year").value(TODAY.getYear()));
  }

  @Test
  void partsKeepTheirIdsAcrossAReplaceAndPartsLeftOutAreRemoved() throws Exception {
    String created =
        create(
                owner,
                """
                {"customerId": "%s",
                 "goals": [{"description": "甲"}, {"description": "乙"}],
                 "steps": [{"description": "拜访", "ownerId": "%s", "reviewDate": "%s"}]}"""
                    .formatted(customer, owner.id(), TODAY.plusDays(5)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String plan = JsonPath.read(created, "$.id");
    String second = JsonPath.read(created, "$.goals[1].id");
    String step = JsonPath.read(created, "$.steps[0].id");
    put(
            owner,
            plan,
            "\"0\"",
            """
            {"goals": [{"id": "%s", "description": "乙改", "status": "ACHIEVED"}, {"description": "丙"}],
             "steps": [{"id": "%s", "description": "拜访", "ownerId": "%s", "reviewDate": "%s", "done": true}]}"""
                .formatted(second, step, owner.id(), TODAY.plusDays(5)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.goals[*].description", contains("乙改", "丙")))
        .andExpect(jsonPath("$.goals[0].id").value(second))
        .andExpect(jsonPath("$.goals[0].status").value("ACHIEVED"))
        .andExpect(jsonPath("$.steps[0].id").value(step))
        .andExpect(jsonPath("$.steps[0].done").value(true))
        .andExpect(jsonPath("$.steps[0].doneAt").isNotEmpty())
        .andExpect(jsonPath("$.nextReviewDate").value(nullValue()));
    put(
            owner,
            plan,
            "\"1\"",
            "{\"goals\": [{\"id\": \"" + customer + "\", \"description\": \"x\"}]}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("goals[0].id"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-part"));
  }

  @Test
  void agreedAndFinishedStepsAppearOnTheCustomersTimeline() throws Exception {
    String created =
        create(
                owner,
                """
                {"customerId": "%s",
                 "steps": [{"description": "季度业务回顾", "ownerId": "%s", "reviewDate": "%s"}]}"""
                    .formatted(customer, owner.id(), TODAY.plusDays(7)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String plan = JsonPath.read(created, "$.id");
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("KEY_ACCOUNT_STEP_AGREED"))
        .andExpect(jsonPath("$.items[0].detail.summary").value("季度业务回顾 → " + TODAY.plusDays(7)))
        .andExpect(jsonPath("$.items[0].detail.link").value("/key-accounts/" + plan));
    put(
            owner,
            plan,
            "\"0\"",
            """
            {"steps": [{"id": "%s", "description": "季度业务回顾", "ownerId": "%s", "reviewDate": "%s",
                        "done": true}]}"""
                .formatted(
                    JsonPath.<String>read(created, "$.steps[0].id"), owner.id(), TODAY.plusDays(7)))
        .andExpect(status().isOk());
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("KEY_ACCOUNT_STEP_DONE"))
        .andExpect(jsonPath("$.items[1].kind").value("KEY_ACCOUNT_STEP_AGREED"));
  }

  @Test
  void theListShowsTheSoonestReviewFirstAndPagesByCursor() throws Exception {
    String later = customer(owner, "腾讯", "KEY_ACCOUNT");
    String none = customer(owner, "阿里巴巴", "KEY_ACCOUNT");
    create(owner, planWithStep(customer, TODAY.plusDays(20)));
    create(owner, planWithStep(later, TODAY.minusDays(2)));
    create(owner, "{\"customerId\": \"" + none + "\", \"year\": 2026}");
    String first =
        mvc.perform(
                get("/api/v1/key-account-plans?limit=2").header("Authorization", owner.bearer()))
            .andExpect(jsonPath("$.items[*].customerName", contains("腾讯", "华为技术")))
            .andExpect(jsonPath("$.items[0].overdueSteps").value(1))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            get("/api/v1/key-account-plans")
                .param("limit", "2")
                .param("cursor", JsonPath.<String>read(first, "$.nextCursor"))
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[*].customerName", contains("阿里巴巴")))
        .andExpect(jsonPath("$.items[0].nextReviewDate").value(nullValue()))
        .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    mvc.perform(
            get("/api/v1/key-account-plans")
                .param("year", "2026")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[*].customerName", contains("阿里巴巴")));
    mvc.perform(
            get("/api/v1/key-account-plans")
                .param("customerId", later)
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[*].customerName", contains("腾讯")));
    mvc.perform(get("/api/v1/key-account-plans?limit=0").header("Authorization", owner.bearer()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            get("/api/v1/key-account-plans?cursor=nonsense")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
  }

  @Test
  void aMergedDuplicatesPlanFollowsItToTheSurvivor() throws Exception {
    String duplicate = customer(owner, "华为技术有限公司", "KEY_ACCOUNT");
    String plan = idOf(create(owner, "{\"customerId\": \"" + duplicate + "\", \"year\": 2026}"));
    String etag =
        mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", owner.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    mvc.perform(
            post("/api/v1/customers/" + customer + "/merge")
                .header("Authorization", owner.bearer())
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"duplicateId\": \"" + duplicate + "\"}"))
        .andExpect(status().isOk());
    // the plan follows once the merge is committed (a module listener)
    await()
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/v1/key-account-plans/" + plan)
                            .header("Authorization", owner.bearer()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.customerId").value(customer)));
  }

  private String planWithStep(String customerId, LocalDate review) {
    return """
        {"customerId": "%s", "year": 2025,
         "steps": [{"description": "回顾", "ownerId": "%s", "reviewDate": "%s"}]}"""
        .formatted(customerId, owner.id(), review);
  }

  private static String teamOf(Member member, String role) {
    return "{\"team\": [{\"userId\": \"" + member.id() + "\", \"role\": \"" + role + "\"}]}";
  }

  private String customer(Member member, String name, String classification) throws Exception {
    return idOf(
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"kind\": \"ORGANIZATION\", \"name\": \""
                            + name
                            + "\", \"classification\": \""
                            + classification
                            + "\"}"))
            .andExpect(status().isCreated()));
  }

  private ResultActions create(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/key-account-plans")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions put(Member member, String plan, String ifMatch, String json)
      throws Exception {
    var request =
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                "/api/v1/key-account-plans/" + plan)
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return mvc.perform(request);
  }

  private List<String> plans(Member member) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/key-account-plans").header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.items[*].id");
  }

  private static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
