package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GuanxiTest
class UserAdministrationPageTests {

  static final String NEW_PASSWORD = "a new password, long enough";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Cookie adminSession;

  @BeforeEach
  void signedInAdministrator() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    adminSession = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
  }

  @Test
  void theUserListShowsEveryUserAndTheSearchBoxNarrowsIt() throws Exception {
    Member sales = workspace.member(Role.SALES);
    page(get("/admin/users"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(admin.username())))
        .andExpect(content().string(containsString(sales.username())))
        .andExpect(content().string(containsString("href=\"/admin/users/new\"")));
    page(get("/admin/users").param("cursor", "***"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(sales.username())));

    page(get("/admin/users/rows")
            .param("q", sales.username().substring(0, 9))
            .header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(sales.username())))
        .andExpect(content().string(not(containsString(admin.username()))))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void anAdministratorCreatesAUserThroughTheForm() throws Exception {
    String username = "form-" + UUID.randomUUID().toString().substring(0, 8);
    UUID east = workspace.team("East", null);
    page(get("/admin/users/new"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("East")));

    String location =
        page(post("/admin/users")
                .with(csrf())
                .param("username", username)
                .param("displayName", "周敏")
                .param("password", NEW_PASSWORD)
                .param("roles", "MARKETING", "ANALYST")
                .param("teamId", east.toString()))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();

    assertThat(location).startsWith("/admin/users/").endsWith("?created");
    page(get(location.substring(0, location.indexOf('?'))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("周敏")))
        .andExpect(content().string(containsString(username)));
    assertThat(PageLogin.attempt(mvc, username, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void badInputOnTheNewUserFormShowsReadableMessagesAndKeepsWhatWasTyped() throws Exception {
    String username = "bad name " + UUID.randomUUID().toString().substring(0, 4);
    page(post("/admin/users")
            .with(csrf())
            .header("Accept-Language", "en")
            .param("username", username)
            .param("displayName", "Zhou Min")
            .param("password", "too short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Please correct the marked fields")))
        .andExpect(content().string(containsString("Use 3 to 64 letters, digits or . _ @ -")))
        .andExpect(content().string(containsString("A password has at least 10 characters.")))
        .andExpect(content().string(containsString("Choose at least one role.")))
        .andExpect(content().string(containsString("value=\"" + username + "\"")))
        .andExpect(content().string(containsString("value=\"Zhou Min\"")))
        .andExpect(content().string(containsString("value=\"too short\"")));

    page(post("/admin/users")
            .with(csrf())
            .header("Accept-Language", "zh-TW")
            .param("username", admin.username())
            .param("displayName", "王")
            .param("password", NEW_PASSWORD)
            .param("roles", "SALES"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("此使用者名稱已被使用。")))
        .andExpect(
            content()
                .string(
                    matchesPattern(
                        "(?s).*<input type=\"checkbox\" value=\"SALES\"[^>]*checked=\"checked\".*")));

    mvc.perform(get("/api/v1/users").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].username", contains(admin.username())));
  }

  @Test
  void theUserPageChangesDisplayNameRolesTeamAndActive() throws Exception {
    Member sales = workspace.member(Role.SALES);
    UUID north = workspace.team("North", null);
    page(get("/admin/users/" + sales.id()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"version\" value=\"0\"")));

    page(post("/admin/users/" + sales.id())
            .with(csrf())
            .param("version", "0")
            .param("displayName", "陈磊")
            .param("roles", "SALES", "MANAGER")
            .param("teamId", north.toString())
            .param("active", "true"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/users/" + sales.id() + "?saved"));

    mvc.perform(get("/api/v1/users/" + sales.id()).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.displayName").value("陈磊"))
        .andExpect(jsonPath("$.roles", contains("MANAGER", "SALES")))
        .andExpect(jsonPath("$.teamName").value("North"))
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  void aStaleEditShowsTheConflictAndKeepsTheInput() throws Exception {
    Member sales = workspace.member(Role.SALES);
    mvc.perform(
            patch("/api/v1/users/" + sales.id())
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/users/" + sales.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\": \"Changed meanwhile\"}"))
        .andExpect(status().isOk());

    page(post("/admin/users/" + sales.id())
            .with(csrf())
            .header("Accept-Language", "en")
            .param("version", "0")
            .param("displayName", "My edit")
            .param("roles", "SALES")
            .param("active", "true"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(containsString("Someone else changed this user while you were editing.")))
        .andExpect(content().string(containsString("value=\"My edit\"")));

    mvc.perform(get("/api/v1/users/" + sales.id()).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.displayName").value("Changed meanwhile"));
  }

  @Test
  void theLastAdministratorCannotUntickTheirOwnActiveBox() throws Exception {
    page(post("/admin/users/" + admin.id())
            .with(csrf())
            .header("Accept-Language", "zh-CN")
            .param("version", "0")
            .param("displayName", "管理员")
            .param("roles", "ADMINISTRATOR"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("工作区至少需要一名已启用的管理员。")))
        .andExpect(content().string(containsString("value=\"管理员\"")));
    page(get("/admin/users")).andExpect(status().isOk());
  }

  @Test
  void aDeactivatedUsersPageSessionStopsWorkingOnTheNextRequest() throws Exception {
    Member sales = workspace.member(Role.SALES);
    Cookie salesSession = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers").cookie(salesSession)).andExpect(status().isOk());

    page(post("/admin/users/" + sales.id())
            .with(csrf())
            .param("version", "0")
            .param("displayName", "Test sales")
            .param("roles", "SALES")
            .param("_active", "on"))
        .andExpect(status().isFound());

    String next =
        mvc.perform(get("/customers").cookie(salesSession))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(next).contains("/login");
    mvc.perform(get("/api/v1/users/" + sales.id()).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.active").value(false));
  }

  @Test
  void settingANewPasswordEndsTheUsersPageSessions() throws Exception {
    Member sales = workspace.member(Role.SALES);
    Cookie salesSession = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers").cookie(salesSession)).andExpect(status().isOk());

    page(post("/admin/users/" + sales.id() + "/password")
            .with(csrf())
            .param("password", NEW_PASSWORD))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/users/" + sales.id() + "?passwordSet"));

    String next =
        mvc.perform(get("/customers").cookie(salesSession))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(next).contains("/login");
    assertThat(PageLogin.attempt(mvc, sales.username(), NEW_PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
    page(get("/admin/users")).andExpect(status().isOk());
  }

  @Test
  void aTooShortNewPasswordIsShownWithItsMessageAndChangesNothing() throws Exception {
    Member sales = workspace.member(Role.SALES);
    page(post("/admin/users/" + sales.id() + "/password")
            .with(csrf())
            .header("Accept-Language", "en")
            .param("password", "short"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("A password has at least 10 characters.")))
        .andExpect(content().string(containsString("value=\"short\"")));
    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void anAdministratorRevokesAUsersTokenOnTheUserPage() throws Exception {
    Member sales = workspace.member(Role.SALES);
    String tokenId =
        com.jayway.jsonpath.JsonPath.read(
            mvc.perform(
                    get("/api/v1/users/" + sales.id() + "/tokens")
                        .header("Authorization", admin.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    page(get("/admin/users/" + sales.id())).andExpect(content().string(containsString(tokenId)));

    page(post("/admin/users/" + sales.id() + "/tokens/" + tokenId + "/revoke").with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/users/" + sales.id() + "?tokenRevoked"));
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anotherWorkspacesUserIsNotFoundOnThePages() throws Exception {
    Member foreign = workspaces.create().member(Role.SALES);
    page(get("/admin/users/" + foreign.id())).andExpect(status().isNotFound());
    page(post("/admin/users/" + foreign.id())
            .with(csrf())
            .param("version", "0")
            .param("displayName", "hijacked")
            .param("roles", "ADMINISTRATOR")
            .param("active", "true"))
        .andExpect(status().isNotFound());
    page(post("/admin/users/" + foreign.id() + "/password")
            .with(csrf())
            .param("password", NEW_PASSWORD))
        .andExpect(status().isNotFound());
    assertThat(
            PageLogin.attempt(mvc, foreign.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
    mvc.perform(get("/api/v1/customers").header("Authorization", foreign.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void usersWithoutTheAdministrationPermissionAreRefusedAndSeeNoAdministrationLinks()
      throws Exception {
    Member manager = workspace.member(Role.MANAGER);
    Cookie managerSession = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/").cookie(managerSession))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("href=\"/admin/users\""))))
        .andExpect(content().string(containsString("href=\"/me/tokens\"")));
    mvc.perform(get("/admin/users").cookie(managerSession)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/users/" + admin.id()).cookie(managerSession))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/users")
                .cookie(managerSession)
                .with(csrf())
                .param("username", "sneaky-" + UUID.randomUUID().toString().substring(0, 8))
                .param("displayName", "x")
                .param("password", NEW_PASSWORD)
                .param("roles", "ADMINISTRATOR"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/users/" + manager.id())
                .cookie(managerSession)
                .with(csrf())
                .param("version", "0")
                .param("displayName", "x")
                .param("roles", "ADMINISTRATOR")
                .param("active", "true"))
        .andExpect(status().isForbidden());

    page(get("/")).andExpect(content().string(containsString("href=\"/admin/users\"")));
    mvc.perform(get("/api/v1/users").header("Authorization", admin.bearer()))
        .andExpect(
            jsonPath(
                "$.items[*].username", containsInAnyOrder(admin.username(), manager.username())))
        .andExpect(
            jsonPath(
                "$.items[?(@.username == '" + manager.username() + "')].roles[*]",
                contains("MANAGER")));
  }

  @Test
  void visitorsWhoAreNotSignedInAreSentToTheLoginPage() throws Exception {
    String next =
        mvc.perform(get("/admin/users"))
            .andExpect(status().isFound())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(next).endsWith("/login");
    mvc.perform(
            post("/admin/users/" + admin.id() + "/password")
                .with(csrf())
                .param("password", NEW_PASSWORD))
        .andExpect(status().isFound());
    assertThat(PageLogin.attempt(mvc, admin.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  ResultActions page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.cookie(adminSession));
  }
}
