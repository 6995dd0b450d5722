package org.guanxi.crm.leads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@GuanxiTest
class LeadSearchKeysBackfillTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired LeadSearchKeysBackfill backfill;

  @Test
  void leadsStoredWithoutSearchKeysGetThemAtStartAndKeepTheirVersion() throws Exception {
    TestWorkspace workspace = workspaces.create();
    Member rep = workspace.member(Role.SALES);
    String created =
        mvc.perform(
                post("/api/v1/leads")
                    .header("Authorization", rep.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"张伟\", \"company\": \"東方電氣\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(created, "$.id");
    workspace.in(
        () ->
            jdbc.sql(
                    "update sales_lead set search_name = null, search_latin = null, search_grams = null")
                .update());
    assertThat(names(rep, "zw")).as("as a lead stored before V65").isEmpty();

    backfill.run();

    assertThat(names(rep, "zw")).containsExactly("张伟");
    assertThat(names(rep, "东方")).containsExactly("张伟");
    mvc.perform(get("/api/v1/leads/" + id).header("Authorization", rep.bearer()))
        .andExpect(jsonPath("$.version").value(0));
  }

  private List<String> names(Member member, String q) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/leads").param("q", q).header("Authorization", member.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.items[*].name");
  }
}
