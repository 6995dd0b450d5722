package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class PersonalApiTokenTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void aUserCreatesATokenThatWorksAndIsNeverShownAgain() throws Exception {
    String json =
        issue(sales.bearer(), "{\"name\": \"报表同步 report sync\"}")
            .andExpect(status().isCreated())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(jsonPath("$.name").value("报表同步 report sync"))
            .andExpect(jsonPath("$.token", startsWith("gx_")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(json, "$.token");
    String id = JsonPath.read(json, "$.id");

    mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].name", contains("test", "报表同步 report sync")))
        .andExpect(jsonPath("$.items[1].id").value(id))
        .andExpect(jsonPath("$.items[*].token").isEmpty())
        .andExpect(content().string(not(containsString(token))));
    mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void theTokenListShowsWhenEachTokenWasLastUsed() throws Exception {
    String json =
        issue(sales.bearer(), "{\"name\": \"nightly export\"}")
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String unused = JsonPath.read(json, "$.token");

    mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + sales.token()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].name").value("test"))
        .andExpect(jsonPath("$.items[0].lastUsedAt").isString())
        .andExpect(jsonPath("$.items[1].name").value("nightly export"))
        .andExpect(jsonPath("$.items[1].lastUsedAt").value(nullValue()));

    mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + unused))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + sales.token()))
        .andExpect(jsonPath("$.items[1].lastUsedAt").isString());
  }

  @Test
  void invalidTokenNameIsRejectedAndNoTokenIsIssued() throws Exception {
    issue(sales.bearer(), "{\"name\": \"  \"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    issue(sales.bearer(), "{}").andExpect(status().isUnprocessableContent());
    issue(sales.bearer(), "{\"name\": \"" + "x".repeat(101) + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("too-long"));
    issue(sales.bearer(), "{\"name\": ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));

    assertThat(tokenNames(sales)).containsExactly("test");
  }

  @Test
  void aRevokedTokenStopsWorkingOnTheNextRequest() throws Exception {
    String json =
        issue(sales.bearer(), "{\"name\": \"laptop\"}")
            .andReturn()
            .getResponse()
            .getContentAsString();
    String token = JsonPath.read(json, "$.token");

    mvc.perform(
            delete("/api/v1/me/tokens/" + JsonPath.read(json, "$.id"))
                .header("Authorization", sales.bearer()))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthorized"));
    assertThat(tokenNames(sales)).containsExactly("test");
    mvc.perform(
            delete("/api/v1/me/tokens/" + JsonPath.read(json, "$.id"))
                .header("Authorization", sales.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aUserCannotRevokeAnotherUsersTokenThroughTheirOwnTokens() throws Exception {
    Member colleague = workspace.member(Role.SALES);
    Member foreigner = workspaces.create().member(Role.ADMINISTRATOR);
    String colleaguesToken = onlyTokenId(colleague);

    for (Member caller : List.of(sales, foreigner)) {
      mvc.perform(
              delete("/api/v1/me/tokens/" + colleaguesToken)
                  .header("Authorization", caller.bearer()))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("not-found"));
    }
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", colleague.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void callersWithoutValidTokenGet401AndNothingIsIssuedOrRevoked() throws Exception {
    String tokenId = onlyTokenId(sales);
    mvc.perform(get("/api/v1/me/tokens")).andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/me/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(delete("/api/v1/me/tokens/" + tokenId).header("Authorization", "Bearer gx_forged"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/users/" + sales.id() + "/tokens"))
        .andExpect(status().isUnauthorized());
    mvc.perform(delete("/api/v1/users/" + sales.id() + "/tokens/" + tokenId))
        .andExpect(status().isUnauthorized());

    assertThat(tokenNames(sales)).containsExactly("test");
  }

  @Test
  void administratorsListAndRevokeAnyUsersTokens() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String tokenId = onlyTokenId(sales);
    mvc.perform(
            get("/api/v1/users/" + sales.id() + "/tokens").header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].id").value(tokenId))
        .andExpect(jsonPath("$.items[0].userId").value(sales.id().toString()))
        .andExpect(jsonPath("$.items[0].token").doesNotExist());

    // the token must belong to the user named in the path
    mvc.perform(
            delete("/api/v1/users/" + admin.id() + "/tokens/" + tokenId)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());

    mvc.perform(
            delete("/api/v1/users/" + sales.id() + "/tokens/" + tokenId)
                .header("Authorization", admin.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", sales.bearer()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void usersWithoutTheAdministrationPermissionCannotSeeOrRevokeOthersTokens() throws Exception {
    Member manager = workspace.member(Role.MANAGER);
    String tokenId = onlyTokenId(sales);
    mvc.perform(
            get("/api/v1/users/" + sales.id() + "/tokens")
                .header("Authorization", manager.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    mvc.perform(
            delete("/api/v1/users/" + sales.id() + "/tokens/" + tokenId)
                .header("Authorization", manager.bearer()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void anotherWorkspacesUserAndTokensAreNotFound() throws Exception {
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    String tokenId = onlyTokenId(sales);
    mvc.perform(
            get("/api/v1/users/" + sales.id() + "/tokens")
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/users/" + sales.id() + "/tokens/" + tokenId)
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/users/" + foreignAdmin.id() + "/tokens/" + tokenId)
                .header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void aNewTokenIsNotKeptForAnIdempotencyKey() throws Exception {
    String first =
        mvc.perform(
                post("/api/v1/me/tokens")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "t-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"ci\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long kept =
        workspace.in(
            () ->
                jdbc.sql("select count(*) from idempotent_request where idempotency_key = 't-1'")
                    .query(Long.class)
                    .single());
    assertThat(kept).isZero();

    String second =
        mvc.perform(
                post("/api/v1/me/tokens")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "t-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"ci\"}"))
            .andExpect(status().isCreated())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.token"))
        .isNotEqualTo(JsonPath.read(first, "$.token"));
  }

  @Test
  void theTokenPageShowsANewTokenOnceAndRevokesTokens() throws Exception {
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    String html =
        mvc.perform(
                post("/me/tokens")
                    .cookie(session)
                    .with(csrf())
                    .header("Accept-Language", "en")
                    .param("name", "excel"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andExpect(content().string(containsString("Copy it now: it is shown only this once")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher shown = Pattern.compile("id=\"issued-token\">(gx_[A-Za-z0-9_-]+)<").matcher(html);
    assertThat(shown.find()).isTrue();
    String token = shown.group(1);
    mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    mvc.perform(get("/me/tokens").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("excel")))
        .andExpect(content().string(not(containsString(token))));

    String id =
        JsonPath.<List<String>>read(
                mvc.perform(get("/api/v1/me/tokens").header("Authorization", sales.bearer()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(),
                "$.items[?(@.name == 'excel')].id")
            .get(0);
    mvc.perform(post("/me/tokens/" + id + "/revoke").cookie(session).with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/me/tokens?revoked"));
    mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void theTokenPageShowsWhyANameWasRefusedAndIssuesNothing() throws Exception {
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    String longName = "长".repeat(101);
    mvc.perform(
            post("/me/tokens")
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("name", longName))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("内容过长。")))
        .andExpect(content().string(containsString("value=\"" + longName + "\"")))
        .andExpect(content().string(not(containsString("issued-token"))));
    assertThat(tokenNames(sales)).containsExactly("test");
  }

  @Test
  void theTokenPageDoesNotRevokeAnotherUsersToken() throws Exception {
    Member colleague = workspace.member(Role.SALES);
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/me/tokens/" + onlyTokenId(colleague) + "/revoke").cookie(session).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post("/me/tokens/" + onlyTokenId(colleague) + "/revoke").with(csrf()))
        .andExpect(status().isFound());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", colleague.bearer()))
        .andExpect(status().isOk());
  }

  ResultActions issue(String authorization, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/me/tokens")
            .header("Authorization", authorization)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  List<String> tokenNames(Member member) throws Exception {
    String json =
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }

  String onlyTokenId(Member member) throws Exception {
    String json =
        mvc.perform(get("/api/v1/me/tokens").header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(json, "$.items[*].id");
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }
}
