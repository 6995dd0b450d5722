package org.guanxi.crm.opportunities;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Monthly sales targets: managers set their team's, reps read their own, nobody else's. */
@GuanxiTest
class SalesTargetApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member manager;
  Member rep;

  @BeforeEach
  void aManagerAndARepOfATeam() {
    workspace = workspaces.create();
    UUID team = workspace.team("华南销售部", null);
    manager = workspace.member(Role.MANAGER, team);
    rep = workspace.member(Role.SALES, team);
  }

  @Test
  void aManagerSetsARepsTargetWhichBothSeeAndChangesItAtItsVersion() throws Exception {
    String id =
        idOf(
            send(manager, post("/api/v1/sales-targets"), null, target(rep, "2026-12", "300000"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/sales-targets/")))
                .andExpect(jsonPath("$.month").value("2026-12"))
                .andExpect(jsonPath("$.amount").value(300000))
                .andExpect(jsonPath("$.currency").value("CNY"))
                .andExpect(jsonPath("$.userName").value("Test " + rep.username())));
    mvc.perform(get("/api/v1/sales-targets?month=2026-12").header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    mvc.perform(
            get("/api/v1/sales-targets?month=2026-12").header("Authorization", manager.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(id)));
    send(manager, post("/api/v1/sales-targets"), null, target(rep, "2026-12", "1"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("sales-target-exists"))
        .andExpect(jsonPath("$.targetId").value(id));
    String path = "/api/v1/sales-targets/" + id;
    send(manager, patch(path), null, "{\"amount\": 350000}")
        .andExpect(status().isPreconditionRequired());
    send(manager, patch(path), "\"0\"", "{\"amount\": 350000}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.amount").value(350000));
    send(manager, patch(path), "\"0\"", "{\"amount\": 1}")
        .andExpect(status().isPreconditionFailed());
    send(manager, patch(path), "\"1\"", "{\"month\": \"2027-01\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("target-fixed"));
    send(manager, delete(path), "\"1\"", null).andExpect(status().isNoContent());
    mvc.perform(get(path).header("Authorization", manager.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void badInputIsRefusedAndNothingIsSaved() throws Exception {
    send(manager, post("/api/v1/sales-targets"), null, target(rep, "2026-12", "-1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("amount"));
    send(
            manager,
            post("/api/v1/sales-targets"),
            null,
            "{\"userId\": \"" + rep.id() + "\", \"amount\": 1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("month"));
    send(
            manager,
            post("/api/v1/sales-targets"),
            null,
            "{\"userId\": \"%s\", \"month\": \"2026-12\", \"amount\": 1, \"currency\": \"rmb\"}"
                .formatted(rep.id()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("currency"));
    send(manager, post("/api/v1/sales-targets"), null, target(rep, "2026-13", "1"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/sales-targets?month=soon").header("Authorization", manager.bearer()))
        .andExpect(status().isBadRequest());
    mvc.perform(
            get("/api/v1/sales-targets?month=2026-12").header("Authorization", manager.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void repsAnotherTeamsManagerAnotherWorkspaceAndStrangersAreRefused() throws Exception {
    String id =
        idOf(send(manager, post("/api/v1/sales-targets"), null, target(rep, "2026-12", "1000")));
    send(rep, post("/api/v1/sales-targets"), null, target(rep, "2027-01", "1"))
        .andExpect(status().isForbidden());
    Member otherManager = workspace.member(Role.MANAGER, workspace.team("华北销售部", null));
    send(otherManager, post("/api/v1/sales-targets"), null, target(rep, "2027-01", "1"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
    mvc.perform(get("/api/v1/sales-targets/" + id).header("Authorization", otherManager.bearer()))
        .andExpect(status().isNotFound());
    send(otherManager, delete("/api/v1/sales-targets/" + id), "\"0\"", null)
        .andExpect(status().isNotFound());
    Member otherRep = workspace.member(Role.SALES, workspace.team("华北销售部", null));
    mvc.perform(
            get("/api/v1/sales-targets?month=2026-12").header("Authorization", otherRep.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/sales-targets/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/sales-targets?month=2026-12")).andExpect(status().isUnauthorized());
  }

  private static String target(Member member, String month, String amount) {
    return "{\"userId\": \"%s\", \"month\": \"%s\", \"amount\": %s}"
        .formatted(member.id(), month, amount);
  }

  private ResultActions send(
      Member member,
      MockHttpServletRequestBuilder request,
      @Nullable String ifMatch,
      @Nullable String json)
      throws Exception {
    request.header("Authorization", member.bearer());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
    return mvc.perform(request);
  }

  private static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
