package org.guanxi.crm.customer;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
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
class CustomerShareTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member owner;
  Member colleague;
  String customer;

  @BeforeEach
  void aCustomerAndAColleague() throws Exception {
    workspace = workspaces.create();
    owner = workspace.member(Role.SALES);
    colleague = workspace.member(Role.SALES);
    customer =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/customers")
                        .header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"INDIVIDUAL\",\"name\":\"共享客户\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
  }

  @Test
  void aSharedCustomerIsSeenAndChangedByTheColleagueUntilTheShareIsTakenBack() throws Exception {
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    share(owner, colleague.id().toString())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", contains(colleague.id().toString())));
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", colleague.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, colleague.bearer(), "/api/v1/customers/" + customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"苏州\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/customers?q=共享").header("Authorization", colleague.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("共享客户")));

    mvc.perform(
            delete("/api/v1/customers/" + customer + "/shares/" + colleague.id())
                .header("Authorization", owner.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("UNSHARED"));
  }

  @Test
  void onlySomeoneWhoSeesTheCustomerCanShareIt() throws Exception {
    share(colleague, colleague.id().toString()).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    share(foreign, foreign.id().toString()).andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/customers/" + customer + "/shares")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"userId\":\"" + colleague.id() + "\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void sharingWithNobodyOrAnotherWorkspacesUserIsRejected() throws Exception {
    share(owner, "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("userId"));
    share(owner, "null").andExpect(status().isBadRequest());
    Member foreign = workspaces.create().member(Role.SALES);
    share(owner, foreign.id().toString())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-user"));
    share(owner, owner.id().toString())
        .andExpect(jsonPath("$.errors[0].code").value("already-owner"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/shares")
                .header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  private ResultActions share(Member member, String userId) throws Exception {
    String body =
        userId.isEmpty()
            ? "{}"
            : userId.equals("null")
                ? "{\"userId\":\"not-a-uuid\"}"
                : "{\"userId\":\"" + userId + "\"}";
    return mvc.perform(
        post("/api/v1/customers/" + customer + "/shares")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }
}
