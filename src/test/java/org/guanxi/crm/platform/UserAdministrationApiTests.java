package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
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

@GuanxiTest
class UserAdministrationApiTests {

  static final String NEW_PASSWORD = "a new password, long enough";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void anAdministratorCreatesAUserWhoCanSignInWithThePassword() throws Exception {
    String username = uniqueName("lina");
    UUID east = workspace.team("East", null);
    create(
            admin,
            """
        {"username": "%s", "displayName": "李娜", "password": "%s", "roles": ["SALES", "SERVICE"], "teamId": "%s"}"""
                .formatted(username, NEW_PASSWORD, east))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/users/")))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.username").value(username))
        .andExpect(jsonPath("$.displayName").value("李娜"))
        .andExpect(jsonPath("$.roles", contains("SALES", "SERVICE")))
        .andExpect(jsonPath("$.teamId").value(east.toString()))
        .andExpect(jsonPath("$.teamName").value("East"))
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.password").doesNotExist())
        .andExpect(jsonPath("$.passwordHash").doesNotExist());

    assertThat(PageLogin.attempt(mvc, username, NEW_PASSWORD).getRedirectedUrl()).isEqualTo("/");
    assertThat(PageLogin.attempt(mvc, username, "not the password").getRedirectedUrl())
        .isEqualTo("/login?error");
  }

  @Test
  void invalidNewUserIsRejectedWithFieldErrorsAndNothingIsSaved() throws Exception {
    UUID foreignTeam = workspaces.create().headOffice();
    create(
            admin,
            """
        {"username": "", "displayName": " ", "password": "short", "roles": [], "teamId": "%s"}"""
                .formatted(foreignTeam))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("validation"))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder("username", "displayName", "password", "roles", "teamId")))
        .andExpect(jsonPath("$.errors[?(@.field == 'password')].code").value("password-too-short"))
        .andExpect(jsonPath("$.errors[?(@.field == 'roles')].code").value("no-role"))
        .andExpect(jsonPath("$.errors[?(@.field == 'teamId')].code").value("unknown-team"));
    create(
            admin,
            """
        {"username": "bad name!", "displayName": "x", "password": "%s", "roles": ["SALES"]}"""
                .formatted("密".repeat(25)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[?(@.field == 'username')].code").value("invalid-username"))
        .andExpect(jsonPath("$.errors[?(@.field == 'password')].code").value("password-too-long"));
    create(
            admin,
            """
        {"username": "%s", "displayName": "x", "password": "%s", "roles": ["KING"]}"""
                .formatted(uniqueName("k"), NEW_PASSWORD))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));
    create(admin, "[1, 2").andExpect(status().isBadRequest());

    assertThat(usernames(admin)).containsExactly(admin.username());
  }

  @Test
  void aUserNameTakenInAnyWorkspaceIsRefusedWhateverItsCase() throws Exception {
    String username = uniqueName("wang");
    create(admin, newUser(username)).andExpect(status().isCreated());
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);

    create(foreignAdmin, newUser(username.toUpperCase()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("username"))
        .andExpect(jsonPath("$.errors[0].code").value("username-taken"));
    assertThat(usernames(foreignAdmin)).containsExactly(foreignAdmin.username());
  }

  @Test
  void listsUsersByUserNameAndPagesByCursorWithoutRepeatingOrSkipping() throws Exception {
    String prefix = "page" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 5; i++) {
      create(admin, newUser(prefix + "-" + i)).andExpect(status().isCreated());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String json =
          mvc.perform(
                  get("/api/v1/users")
                      .param("q", prefix)
                      .param("limit", "2")
                      .param("cursor", cursor)
                      .header("Authorization", admin.bearer()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      seen.addAll(JsonPath.read(json, "$.items[*].username"));
      cursor = JsonPath.read(json, "$.nextCursor");
    } while (cursor != null);
    assertThat(seen)
        .containsExactly(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");

    mvc.perform(get("/api/v1/users").param("limit", "0").header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("limit"));
    mvc.perform(get("/api/v1/users").param("cursor", "***").header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("cursor"));
  }

  @Test
  void callersWithoutValidTokenGet401AndNothingIsSaved() throws Exception {
    String username = uniqueName("anon");
    mvc.perform(
            post("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(newUser(username)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unauthorized"));
    mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/users/" + admin.id()).header("Authorization", "Bearer gx_not-a-token"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            patch("/api/v1/users/" + admin.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"active\": false}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/users/" + admin.id() + "/password")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isUnauthorized());

    assertThat(usernames(admin)).containsExactly(admin.username());
    assertThat(PageLogin.attempt(mvc, admin.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void usersWithoutTheAdministrationPermissionGet403AndNothingChanges() throws Exception {
    Member manager = workspace.member(Role.MANAGER);
    Member sales = workspace.member(Role.SALES);
    for (Member caller : List.of(manager, sales)) {
      create(caller, newUser(uniqueName("sneaky")))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("forbidden"));
      mvc.perform(get("/api/v1/users").header("Authorization", caller.bearer()))
          .andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/users/" + sales.id()).header("Authorization", caller.bearer()))
          .andExpect(status().isForbidden());
      patchUser(caller, sales.id(), null, "{\"roles\": [\"ADMINISTRATOR\"]}")
          .andExpect(status().isForbidden());
      mvc.perform(
              post("/api/v1/users/" + admin.id() + "/password")
                  .header("Authorization", caller.bearer())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"password\": \"" + NEW_PASSWORD + "\"}"))
          .andExpect(status().isForbidden());
    }

    user(admin, sales.id())
        .andExpect(jsonPath("$.roles", contains("SALES")))
        .andExpect(jsonPath("$.version").value(0));
    assertThat(usernames(admin))
        .containsExactlyInAnyOrder(admin.username(), manager.username(), sales.username());
    assertThat(PageLogin.attempt(mvc, admin.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void anotherWorkspacesUserIsNotFoundAndStaysUnchanged() throws Exception {
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    Member sales = workspace.member(Role.SALES);

    mvc.perform(get("/api/v1/users/" + sales.id()).header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    patchUser(foreignAdmin, sales.id(), null, "{\"active\": false}")
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/users/" + sales.id() + "/password")
                .header("Authorization", foreignAdmin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNotFound());
    assertThat(usernames(foreignAdmin)).containsExactly(foreignAdmin.username());

    user(admin, sales.id())
        .andExpect(jsonPath("$.active").value(true))
        .andExpect(jsonPath("$.version").value(0));
    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void patchChangesDisplayNameRolesAndTeamAndTheNewRolesApplyAtOnce() throws Exception {
    Member sales = workspace.member(Role.SALES);
    UUID north = workspace.team("North", null);
    mvc.perform(get("/api/v1/users").header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden());

    patchUser(
            admin,
            sales.id(),
            "\"0\"",
            """
        {"displayName": "陈磊", "roles": ["SALES", "ADMINISTRATOR"], "teamId": "%s"}"""
                .formatted(north))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.displayName").value("陈磊"))
        .andExpect(jsonPath("$.roles", contains("ADMINISTRATOR", "SALES")))
        .andExpect(jsonPath("$.teamName").value("North"))
        .andExpect(jsonPath("$.username").value(sales.username()));

    mvc.perform(get("/api/v1/users").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());
    patchUser(admin, sales.id(), "\"1\"", "{\"teamId\": null}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.teamId").value(nullValue()))
        .andExpect(jsonPath("$.displayName").value("陈磊"));
  }

  @Test
  void patchWithStaleVersionGets412AndChangesNothing() throws Exception {
    Member sales = workspace.member(Role.SALES);
    patchUser(admin, sales.id(), "\"0\"", "{\"displayName\": \"First\"}")
        .andExpect(status().isOk());

    patchUser(admin, sales.id(), "\"0\"", "{\"displayName\": \"Second\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));

    user(admin, sales.id())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.displayName").value("First"));
  }

  @Test
  void patchOfUnknownOrInvalidFieldIsRejectedAndChangesNothing() throws Exception {
    Member sales = workspace.member(Role.SALES);
    UUID foreignTeam = workspaces.create().headOffice();
    patchUser(admin, sales.id(), null, "{\"username\": \"renamed\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("username"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    patchUser(admin, sales.id(), null, "{\"roles\": []}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("no-role"));
    patchUser(admin, sales.id(), null, "{\"roles\": [\"KING\"]}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("roles"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-value"));
    patchUser(admin, sales.id(), null, "{\"teamId\": \"" + foreignTeam + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-team"));
    patchUser(admin, sales.id(), null, "{\"displayName\": \"\", \"active\": null}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("displayName", "active")));
    patchUser(admin, sales.id(), "\"zero\"", "{\"displayName\": \"x\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("invalid-etag"));

    user(admin, sales.id())
        .andExpect(jsonPath("$.version").value(0))
        .andExpect(jsonPath("$.roles", contains("SALES")));
  }

  @Test
  void deactivatingAUserRevokesTheUsersTokensOnTheNextRequest() throws Exception {
    Member sales = workspace.member(Role.SALES);
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());

    patchUser(admin, sales.id(), "\"0\"", "{\"active\": false}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));

    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthorized"));
    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/login?error");

    // activating the user again lets the user sign in, but the revoked token stays revoked
    patchUser(admin, sales.id(), "\"1\"", "{\"active\": true}").andExpect(status().isOk());
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(status().isUnauthorized());
    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void theLastActiveAdministratorCannotBeDeactivatedOrDemoted() throws Exception {
    patchUser(admin, admin.id(), null, "{\"active\": false}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("active"))
        .andExpect(jsonPath("$.errors[0].code").value("last-administrator"));
    patchUser(admin, admin.id(), null, "{\"roles\": [\"MANAGER\"]}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("roles"))
        .andExpect(jsonPath("$.errors[0].code").value("last-administrator"));
    user(admin, admin.id())
        .andExpect(jsonPath("$.version").value(0))
        .andExpect(jsonPath("$.active").value(true));

    Member second = workspace.member(Role.ADMINISTRATOR);
    patchUser(second, admin.id(), null, "{\"roles\": [\"MANAGER\"]}").andExpect(status().isOk());
    mvc.perform(get("/api/v1/users").header("Authorization", admin.bearer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void anAdministratorSetsANewPasswordThatReplacesTheOldOne() throws Exception {
    Member sales = workspace.member(Role.SALES);
    mvc.perform(
            post("/api/v1/users/" + sales.id() + "/password")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"" + NEW_PASSWORD + "\"}"))
        .andExpect(status().isNoContent());

    assertThat(PageLogin.attempt(mvc, sales.username(), NEW_PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/login?error");
    user(admin, sales.id()).andExpect(jsonPath("$.version").value(0));
    mvc.perform(get("/api/v1/customers").header("Authorization", sales.bearer()))
        .andExpect(status().isOk());
  }

  @Test
  void aTooShortPasswordIsRejectedAndTheOldOneKeepsWorking() throws Exception {
    Member sales = workspace.member(Role.SALES);
    mvc.perform(
            post("/api/v1/users/" + sales.id() + "/password")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"123456789\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("password"))
        .andExpect(jsonPath("$.errors[0].code").value("password-too-short"));
    mvc.perform(
            post("/api/v1/users/" + sales.id() + "/password")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/api/v1/users/" + sales.id() + "/password")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("\"just a string\""))
        .andExpect(status().isBadRequest());

    assertThat(PageLogin.attempt(mvc, sales.username(), TestWorkspace.PASSWORD).getRedirectedUrl())
        .isEqualTo("/");
  }

  @Test
  void repeatedPostWithTheSameIdempotencyKeyCreatesOneUser() throws Exception {
    String body = newUser(uniqueName("once"));
    String first =
        mvc.perform(
                post("/api/v1/users")
                    .header("Authorization", admin.bearer())
                    .header("Idempotency-Key", "u-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                post("/api/v1/users")
                    .header("Authorization", admin.bearer())
                    .header("Idempotency-Key", "u-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(usernames(admin)).hasSize(2);
  }

  @Test
  void theApiDescriptionListsTheAdministrationEndpoints() throws Exception {
    mvc.perform(get("/api/v1/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/users/{id}'].patch").exists())
        .andExpect(jsonPath("$.paths['/api/v1/users/{id}/password'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/teams/{id}'].delete").exists())
        .andExpect(jsonPath("$.paths['/api/v1/me/tokens'].post").exists())
        .andExpect(jsonPath("$.paths['/api/v1/users/{id}/tokens/{tokenId}'].delete").exists());
  }

  ResultActions create(Member caller, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/users")
            .header("Authorization", caller.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions patchUser(Member caller, UUID id, String ifMatch, String json) throws Exception {
    var request =
        patch("/api/v1/users/" + id)
            .header("Authorization", caller.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, caller.bearer(), "/api/v1/users/" + id));
    return mvc.perform(request);
  }

  ResultActions user(Member caller, UUID id) throws Exception {
    return mvc.perform(get("/api/v1/users/" + id).header("Authorization", caller.bearer()))
        .andExpect(status().isOk());
  }

  List<String> usernames(Member caller) throws Exception {
    String json =
        mvc.perform(
                get("/api/v1/users").param("limit", "200").header("Authorization", caller.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].username");
  }

  static String newUser(String username) {
    return """
        {"username": "%s", "displayName": "Test %s", "password": "%s", "roles": ["SALES"]}"""
        .formatted(username, username, NEW_PASSWORD);
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
