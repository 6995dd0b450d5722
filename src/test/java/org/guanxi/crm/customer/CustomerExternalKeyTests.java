package org.guanxi.crm.customer;

import static org.hamcrest.Matchers.*;
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

/** A customer's key in another system, by which imported orders find it. */
@GuanxiTest
class CustomerExternalKeyTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member rep;
  String customer;

  @BeforeEach
  void aRepWithACustomer() throws Exception {
    workspace = workspaces.create();
    rep = workspace.member(Role.SALES);
    customer = create(rep, "华信科技");
  }

  @Test
  void aKeyIsSetShownChangedAndTakenAway() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", null)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.externalKey").value("ERP-001"));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.externalKey").value("ERP-001"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("CHANGED"))
        .andExpect(jsonPath("$.items[0].detail.fields", contains("externalKey")));
    setKey(rep, customer, "\"  ERP-002 \"", "\"1\"")
        .andExpect(jsonPath("$.externalKey").value("ERP-002"));
    setKey(rep, customer, "null", null).andExpect(jsonPath("$.externalKey").value(nullValue()));
  }

  @Test
  void aKeyIsUniqueAmongTheWorkspacesCustomersThatAreNotDeleted() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", null).andExpect(status().isOk());
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String other = create(admin, "东方贸易");
    setKey(admin, other, "\"ERP-001\"", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("externalKey"))
        .andExpect(jsonPath("$.errors[0].code").value("external-key-taken"));
    setKey(admin, other, "\"" + "k".repeat(201) + "\"", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("size"));

    mvc.perform(
            delete("/api/v1/customers/" + customer)
                .header("Authorization", rep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, rep.bearer(), "/api/v1/customers/" + customer)))
        .andExpect(status().isNoContent());
    setKey(admin, other, "\"ERP-001\"", null).andExpect(status().isOk());

    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    String abroad = create(foreign, "华信科技");
    setKey(foreign, abroad, "\"ERP-001\"", null).andExpect(status().isOk());
  }

  @Test
  void aStaleVersionAnotherOwnersCustomerAndNoRightsAreRefused() throws Exception {
    setKey(rep, customer, "\"ERP-001\"", "\"7\"").andExpect(status().isPreconditionFailed());
    setKey(workspace.member(Role.SALES), customer, "\"ERP-001\"", null)
        .andExpect(status().isNotFound());
    setKey(workspace.member(Role.ANALYST), customer, "\"ERP-001\"", null)
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/customers/" + customer + "/external-key")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalKey\":\"ERP-001\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.externalKey").value(nullValue()))
        .andExpect(jsonPath("$.version").value(0));
  }

  ResultActions setKey(Member member, String id, String key, String ifMatch) throws Exception {
    var request =
        put("/api/v1/customers/" + id + "/external-key")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"externalKey\":" + key + "}");
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customers/" + id));
    return mvc.perform(request);
  }

  String create(Member member, String name) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\"}"))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }
}
