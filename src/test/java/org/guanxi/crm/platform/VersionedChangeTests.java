package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every API change of an existing record names the version it read, so that nobody overwrites a
 * colleague's change without knowing: no {@code If-Match} (or {@code *}) is 428, one that names no
 * version is a failed precondition (412) like a stale one.
 */
@GuanxiTest
class VersionedChangeTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;
  String customer;

  @BeforeEach
  void aCustomerReadByTwoColleagues() throws Exception {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
    String created =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\",\"city\":\"上海\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    customer = JsonPath.read(created, "$.id");
  }

  @Test
  void aChangeWithoutIfMatchIsRefusedWith428AndChangesNothing() throws Exception {
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", sales.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"北京\"}"))
        .andExpect(status().isPreconditionRequired())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:if-match-required"))
        .andExpect(jsonPath("$.code").value("if-match-required"));
    mvc.perform(delete("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(status().isPreconditionRequired());

    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.city").value("上海"))
        .andExpect(jsonPath("$.deletedAt").doesNotExist());
  }

  @Test
  void ifMatchStarAsksForNoVersionAndIsRefusedWith428Too() throws Exception {
    mvc.perform(
            patch("/api/v1/customers/" + customer)
                .header("Authorization", sales.bearer())
                .header("If-Match", "*")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"北京\"}"))
        .andExpect(status().isPreconditionRequired())
        .andExpect(jsonPath("$.code").value("if-match-required"));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.city").value("上海"));
  }

  @Test
  void aColleaguesChangeIsNotOverwrittenByOneWhoReadAnEarlierVersion() throws Exception {
    Member colleague = workspace.member(Role.MANAGER);
    String read = "\"0\"";
    changeCity(colleague, read, "杭州").andExpect(status().isOk());
    changeCity(sales, read, "北京")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(header().string("ETag", "\"1\""));
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.city").value("杭州"));
  }

  @Test
  void anIfMatchThatNamesNoVersionIsAFailedPreconditionNotInvalidInput() throws Exception {
    for (String notAVersion : List.of("abc", "\"x\"", "\"\"", "\"1\", \"2\"")) {
      changeCity(sales, notAVersion, "北京")
          .andExpect(status().isPreconditionFailed())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("invalid-etag"));
    }
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", sales.bearer()))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.city").value("上海"));
  }

  @Test
  void theApiDocumentSaysEveryChangeWithIfMatchRequiresItAndWhatEachRefusalMeans()
      throws Exception {
    String document =
        mvc.perform(get("/api/v1/openapi.json"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Map<String, Object>> ifMatches =
        JsonPath.read(document, "$.paths.*.*.parameters[?(@.name == 'If-Match')]");
    assertThat(ifMatches).hasSizeGreaterThan(30);
    assertThat(ifMatches).allSatisfy(p -> assertThat(p.get("required")).isEqualTo(true));

    List<String> withoutRefusals = new ArrayList<>();
    Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(document, "$.paths");
    paths.forEach(
        (path, operations) ->
            operations.forEach(
                (method, operation) -> {
                  String described = JsonPath.parse(operation).jsonString();
                  if (described.contains("\"If-Match\"")
                      && !(described.contains("\"412\"") && described.contains("\"428\""))) {
                    withoutRefusals.add(method + " " + path);
                  }
                }));
    assertThat(withoutRefusals).isEmpty();
    assertThat(
            JsonPath.<List<String>>read(
                document, "$.paths['/api/v1/customers/{id}'].patch.parameters[*].name"))
        .contains("If-Match");
    assertThat(
            JsonPath.<List<String>>read(
                document, "$.paths['/api/v1/leads/{id}/qualify'].post.parameters[*].name"))
        .contains("If-Match");
  }

  private org.springframework.test.web.servlet.ResultActions changeCity(
      Member member, String ifMatch, String city) throws Exception {
    return mvc.perform(
        patch("/api/v1/customers/" + customer)
            .header("Authorization", member.bearer())
            .header("If-Match", ifMatch)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"city\":\"" + city + "\"}"));
  }
}
