package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
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
class LeadAssignmentTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  String formKey;

  @BeforeEach
  void workspaceWithAnEnabledForm() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    formKey = enableForm(null);
  }

  @Test
  void theFirstMatchingRuleByCityOrIndustryDecidesAndTheDefaultOwnerTakesTheRest()
      throws Exception {
    Member hangzhouRep = workspace.member(Role.SALES);
    Member factoryRep = workspace.member(Role.SALES);
    Member fallbackRep = workspace.member(Role.SALES);
    enableForm(fallbackRep.id());
    rule("{\"city\": \"杭州\", \"userId\": \"" + hangzhouRep.id() + "\"}");
    rule("{\"industry\": \"Manufacturing\", \"userId\": \"" + factoryRep.id() + "\"}");

    submit("10.1.0.1", "城市线索", " 杭州 ", "manufacturing");
    submit("10.1.0.1", "行业线索", "上海", "MANUFACTURING");
    submit("10.1.0.1", "其他线索", "北京", "零售");

    Map<String, String> owners = ownersByLead();
    assertThat(owners)
        .containsEntry("城市线索", hangzhouRep.id().toString())
        .containsEntry("行业线索", factoryRep.id().toString())
        .containsEntry("其他线索", fallbackRep.id().toString());
  }

  @Test
  void aTeamsActiveSalesRepsTakeTurnsAndOthersAreSkipped() throws Exception {
    UUID east = workspace.team("East", null);
    List<Member> reps =
        List.of(
            workspace.member(Role.SALES, east),
            workspace.member(Role.SALES, east),
            workspace.member(Role.SALES, east));
    workspace.member(Role.MANAGER, east);
    Member leaving = workspace.member(Role.SALES, east);
    workspace.deactivate(leaving);
    rule("{\"teamId\": \"" + east + "\"}");

    for (int i = 1; i <= 6; i++) {
      submit("10.1.0." + i, "轮流" + i, null, null);
    }
    Map<String, Long> counts =
        ownersByLead().values().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts)
        .containsOnlyKeys(reps.stream().map(r -> r.id().toString()).toList())
        .allSatisfy((rep, leads) -> assertThat(leads).isEqualTo(2L));
    Map<String, String> owners = ownersByLead();
    assertThat(owners.get("轮流1")).isEqualTo(owners.get("轮流4")).isNotEqualTo(owners.get("轮流2"));
  }

  @Test
  void turnsHoldWhenLeadsArriveAtOnce() throws Exception {
    UUID west = workspace.team("West", null);
    Member first = workspace.member(Role.SALES, west);
    Member second = workspace.member(Role.SALES, west);
    rule("{\"teamId\": \"" + west + "\"}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> submissions = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        int n = i;
        submissions.add(
            () ->
                submitRaw("10.2.0." + n, "同时" + n, null, null)
                    .andReturn()
                    .getResponse()
                    .getStatus());
      }
      for (Future<Integer> status : pool.invokeAll(submissions)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }
    Map<String, Long> counts =
        ownersByLead().values().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts)
        .containsEntry(first.id().toString(), 4L)
        .containsEntry(second.id().toString(), 4L);
  }

  @Test
  void aRuleForAUserWhoLeftIsPassedOverAndATeamWithoutRepsKeepsTheLeadForItsManager()
      throws Exception {
    Member gone = workspace.member(Role.SALES);
    rule("{\"userId\": \"" + gone.id() + "\"}");
    workspace.deactivate(gone);
    UUID empty = workspace.team("Empty", null);
    Member manager = workspace.member(Role.MANAGER, empty);
    rule("{\"teamId\": \"" + empty + "\"}");

    submit("10.3.0.1", "无人接手", null, null);
    String lead = body(mvc.perform(get("/api/v1/leads").header("Authorization", manager.bearer())));
    assertThat(JsonPath.<List<String>>read(lead, "$.items[*].name")).containsExactly("无人接手");
    assertThat(JsonPath.<List<Object>>read(lead, "$.items[*].ownerId"))
        .containsExactly((Object) null);
    assertThat(JsonPath.<List<String>>read(lead, "$.items[*].teamId"))
        .containsExactly(empty.toString());
  }

  @Test
  void rulesAreManagedWithVersionsAndCheckedInput() throws Exception {
    Member rep = workspace.member(Role.SALES);
    String created =
        body(
            rule("{\"city\": \"杭州\", \"userId\": \"" + rep.id() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.position").value(1)));
    String id = JsonPath.read(created, "$.id");
    rule("{\"industry\": \"零售\", \"teamId\": \"" + workspace.headOffice() + "\", \"position\": 0}")
        .andExpect(status().isCreated());
    mvc.perform(get("/api/v1/lead-assignment-rules").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].industry", contains("零售", null)));

    rule("{\"city\": \"杭州\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("user-or-team"));
    rule("{\"userId\": \"" + rep.id() + "\", \"teamId\": \"" + workspace.headOffice() + "\"}")
        .andExpect(jsonPath("$.errors[0].code").value("user-or-team"));
    rule("{\"teamId\": \"" + UUID.randomUUID() + "\"}")
        .andExpect(jsonPath("$.errors[0].code").value("unknown-team"));
    rule("{\"city\": \"" + "长".repeat(101) + "\", \"userId\": \"" + rep.id() + "\"}")
        .andExpect(status().isUnprocessableContent());

    change(id, "\"0\"", "{\"city\": \"宁波\", \"userId\": \"" + rep.id() + "\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    change(id, "\"0\"", "{\"city\": \"温州\", \"userId\": \"" + rep.id() + "\"}")
        .andExpect(status().isPreconditionFailed());
    mvc.perform(get("/api/v1/lead-assignment-rules/" + id).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.city").value("宁波"));

    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(
            get("/api/v1/lead-assignment-rules/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/lead-assignment-rules/" + id)
                .header("Authorization", foreign.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, foreign.bearer(), "/api/v1/lead-assignment-rules/" + id)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/lead-assignment-rules").header("Authorization", rep.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/lead-assignment-rules")).andExpect(status().isUnauthorized());

    mvc.perform(
            delete("/api/v1/lead-assignment-rules/" + id)
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"1\""))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/lead-assignment-rules").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyAddsOneRule() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              post("/api/v1/lead-assignment-rules")
                  .header("Authorization", admin.bearer())
                  .header("Idempotency-Key", "rule-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"teamId\": \"" + workspace.headOffice() + "\"}"))
          .andExpect(status().isCreated());
    }
    mvc.perform(get("/api/v1/lead-assignment-rules").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  @Test
  void theSettingsPageAddsAndListsRules() throws Exception {
    var session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/settings/lead-assignment")
                .cookie(session)
                .with(csrf())
                .param("city", "苏州")
                .param("teamId", workspace.headOffice().toString()))
        .andExpect(redirectedUrl("/settings/lead-assignment"));
    mvc.perform(post("/settings/lead-assignment").cookie(session).with(csrf()).param("city", "无锡"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请选择一个用户或一个团队")));
    mvc.perform(get("/settings/lead-assignment").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("苏州")))
        .andExpect(content().string(not(containsString("无锡"))))
        .andExpect(content().string(containsString("（轮流）")));
  }

  private String enableForm(UUID defaultOwner) throws Exception {
    String json =
        "{\"enabled\": true, \"fields\": [\"CITY\", \"INDUSTRY\"]"
            + (defaultOwner == null ? "" : ", \"defaultOwnerId\": \"" + defaultOwner + "\"")
            + "}";
    return JsonPath.read(
        body(
            mvc.perform(
                put("/api/v1/lead-form")
                    .header("Authorization", admin.bearer())
                    .header("If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/lead-form"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))),
        "$.formKey");
  }

  private ResultActions rule(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/lead-assignment-rules")
            .header("Authorization", admin.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions change(String id, String ifMatch, String json) throws Exception {
    return mvc.perform(
        put("/api/v1/lead-assignment-rules/" + id)
            .header("Authorization", admin.bearer())
            .header("If-Match", ifMatch)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private void submit(String client, String name, String city, String industry) throws Exception {
    submitRaw(client, name, city, industry).andExpect(status().isOk());
  }

  private ResultActions submitRaw(String client, String name, String city, String industry)
      throws Exception {
    var request =
        post("/forms/leads/" + formKey)
            .with(
                r -> {
                  r.setRemoteAddr(client);
                  return r;
                })
            .param("name", name);
    if (city != null) {
      request.param("city", city);
    }
    if (industry != null) {
      request.param("industry", industry);
    }
    return mvc.perform(request);
  }

  private Map<String, String> ownersByLead() throws Exception {
    String list =
        body(mvc.perform(get("/api/v1/leads?limit=100").header("Authorization", admin.bearer())));
    List<String> names = JsonPath.read(list, "$.items[*].name");
    List<String> owners = JsonPath.read(list, "$.items[*].ownerId");
    Map<String, String> byLead = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      byLead.put(names.get(i), owners.get(i));
    }
    return byLead;
  }

  private static String body(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
