package org.guanxi.crm.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
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
class PipelineApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void anAdministrator() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void anAdministratorSetsUpAPipelineAndItsStagesAndMakesItTheDefault() throws Exception {
    String created =
        json(
            send(
                    admin,
                    MockMvcRequestBuilders.post("/api/v1/pipelines"),
                    null,
                    """
                    {"name": "项目型销售", "stages": [{"name": "立项", "probability": 5},
                      {"name": "招投标", "probability": 40}, {"name": "签约", "probability": 90}]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.isDefault").value(false))
                .andExpect(jsonPath("$.stages[*].name", contains("立项", "招投标", "签约"))));
    String id = JsonPath.read(created, "$.id");
    List<String> stages = JsonPath.read(created, "$.stages[*].id");
    send(
            admin,
            MockMvcRequestBuilders.put("/api/v1/pipelines/" + id),
            "\"0\"",
            """
            {"name": "项目型销售", "isDefault": true, "stages": [{"id": "%s", "name": "招投标", "probability": 50},
              {"id": "%s", "name": "立项", "probability": 5}, {"name": "交付", "probability": 95}]}"""
                .formatted(stages.get(1), stages.get(0)))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.isDefault").value(true))
        .andExpect(jsonPath("$.stages[*].name", contains("招投标", "立项", "交付")))
        .andExpect(jsonPath("$.stages[0].id").value(stages.get(1)))
        .andExpect(jsonPath("$.stages[0].probability").value(50));
    send(admin, get("/api/v1/pipelines"), null, null)
        .andExpect(jsonPath("$.items[?(@.isDefault == true)].name", contains("项目型销售")));
  }

  @Test
  void badInputStaleVersionsAndStagesInUseAreRefusedAndNothingChanges() throws Exception {
    String pipeline =
        JsonPath.read(json(send(admin, get("/api/v1/pipelines"), null, null)), "$.items[0].id");
    List<String> stages =
        JsonPath.read(
            json(send(admin, get("/api/v1/pipelines"), null, null)), "$.items[0].stages[*].id");
    send(
            admin,
            MockMvcRequestBuilders.post("/api/v1/pipelines"),
            null,
            "{\"name\": \"\", \"stages\": []}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", hasItems("name", "stages")));
    send(
            admin,
            MockMvcRequestBuilders.post("/api/v1/pipelines"),
            null,
            "{\"name\": \"X\", \"stages\": [{\"name\": \"a\", \"probability\": 101}]}")
        .andExpect(status().isUnprocessableContent());
    send(
            admin,
            MockMvcRequestBuilders.post("/api/v1/pipelines"),
            null,
            "{\"name\": \"销售管道 Sales pipeline\", \"stages\": [{\"name\": \"a\", \"probability\": 1}]}")
        .andExpect(jsonPath("$.errors[0].code").value("name-taken"));

    Member rep = workspace.member(Role.SALES);
    String customer =
        JsonPath.read(
            json(
                send(
                    rep,
                    MockMvcRequestBuilders.post("/api/v1/customers"),
                    null,
                    "{\"kind\":\"ORGANIZATION\",\"name\":\"华信\"}")),
            "$.id");
    send(
            rep,
            MockMvcRequestBuilders.post("/api/v1/opportunities"),
            null,
            "{\"name\": \"d\", \"customerId\": \"%s\", \"amount\": 1, \"expectedCloseDate\": \"2030-01-01\"}"
                .formatted(customer))
        .andExpect(status().isCreated());
    // the first stage holds the deal: leaving it out is refused
    send(
            admin,
            MockMvcRequestBuilders.put("/api/v1/pipelines/" + pipeline),
            "\"0\"",
            "{\"name\": \"管道\", \"stages\": [{\"id\": \"%s\", \"name\": \"b\", \"probability\": 1}]}"
                .formatted(stages.get(1)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("stage-in-use"));
    send(
            admin,
            MockMvcRequestBuilders.put("/api/v1/pipelines/" + pipeline),
            "\"7\"",
            "{\"name\": \"管道\", \"stages\": [{\"name\": \"b\", \"probability\": 1}]}")
        .andExpect(status().isPreconditionFailed());
    send(
            admin,
            MockMvcRequestBuilders.delete("/api/v1/pipelines/" + pipeline),
            Versions.current(mvc, admin.bearer(), "/api/v1/pipelines/" + pipeline),
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("default-pipeline"));
    send(admin, get("/api/v1/pipelines/" + pipeline), null, null)
        .andExpect(jsonPath("$.name").value("销售管道 Sales pipeline"))
        .andExpect(jsonPath("$.stages.length()").value(4))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void anotherWorkspacesPipelineIsNotFoundAndRepsMayOnlyRead() throws Exception {
    String pipeline =
        JsonPath.read(json(send(admin, get("/api/v1/pipelines"), null, null)), "$.items[0].id");
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    send(foreign, get("/api/v1/pipelines/" + pipeline), null, null)
        .andExpect(status().isNotFound());
    send(
            foreign,
            MockMvcRequestBuilders.put("/api/v1/pipelines/" + pipeline),
            Versions.current(mvc, foreign.bearer(), "/api/v1/pipelines/" + pipeline),
            "{\"name\": \"x\", \"stages\": [{\"name\": \"b\", \"probability\": 1}]}")
        .andExpect(status().isNotFound());
    Member rep = workspace.member(Role.SALES);
    send(rep, get("/api/v1/pipelines/" + pipeline), null, null).andExpect(status().isOk());
    send(
            rep,
            MockMvcRequestBuilders.put("/api/v1/pipelines/" + pipeline),
            Versions.current(mvc, rep.bearer(), "/api/v1/pipelines/" + pipeline),
            "{\"name\": \"x\", \"stages\": [{\"name\": \"b\", \"probability\": 1}]}")
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/pipelines")).andExpect(status().isUnauthorized());
  }

  @Test
  void aRepeatedPostWithTheSameIdempotencyKeyCreatesOnePipeline() throws Exception {
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              MockMvcRequestBuilders.post("/api/v1/pipelines")
                  .header("Authorization", admin.bearer())
                  .header("Idempotency-Key", "pipeline-1")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"name\": \"续约\", \"stages\": [{\"name\": \"a\", \"probability\": 50}]}"))
          .andExpect(status().isCreated());
    }
    List<String> names =
        JsonPath.read(json(send(admin, get("/api/v1/pipelines"), null, null)), "$.items[*].name");
    assertThat(names).containsExactly("销售管道 Sales pipeline", "续约");
  }

  ResultActions send(
      Member member, MockHttpServletRequestBuilder request, String ifMatch, String body)
      throws Exception {
    request.header("Authorization", member.bearer());
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  static String json(ResultActions result) throws Exception {
    return result.andReturn().getResponse().getContentAsString();
  }
}
