package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
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
class TeamAdministrationTests {

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
  void teamsAreCreatedInAHierarchyAndListedDepthFirst() throws Exception {
    UUID headOffice = workspace.headOffice();
    String east =
        idOf(
            create(admin, "{\"name\": \"华东销售部\", \"parentId\": \"" + headOffice + "\"}")
                .andExpect(header().string("Location", startsWith("/api/v1/teams/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.name").value("华东销售部"))
                .andExpect(jsonPath("$.parentId").value(headOffice.toString()))
                .andExpect(jsonPath("$.memberCount").value(0)));
    idOf(create(admin, "{\"name\": \"上海一组\", \"parentId\": \"" + east + "\"}"));
    idOf(
        create(admin, "{\"name\": \"Archive\"}")
            .andExpect(jsonPath("$.parentId").value(nullValue())));
    idOf(create(admin, "{\"name\": \"Beijing\", \"parentId\": \"" + headOffice + "\"}"));

    assertThat(teamNames(admin))
        .containsExactly("Archive", "总部 Head office", "Beijing", "华东销售部", "上海一组");
    mvc.perform(get("/api/v1/teams/" + headOffice).header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.memberCount").value(1));
  }

  @Test
  void invalidTeamInputIsRejectedAndNothingIsSaved() throws Exception {
    UUID foreignTeam = workspaces.create().headOffice();
    create(admin, "{\"name\": \" \"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    create(admin, "{\"name\": \"" + "长".repeat(101) + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("too-long"));
    create(admin, "{\"name\": \"Spy\", \"parentId\": \"" + foreignTeam + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("parentId"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-team"));
    create(admin, "{\"name\": \"Bad\", \"parentId\": \"not-a-uuid\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));

    assertThat(teamNames(admin)).containsExactly("总部 Head office");
  }

  @Test
  void renamingAndMovingATeamNeedsTheCurrentVersion() throws Exception {
    UUID east = workspace.team("East", null);
    UUID north = workspace.team("North", null);
    patchTeam(admin, east, "\"0\"", "{\"name\": \"East China\", \"parentId\": \"" + north + "\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.name").value("East China"))
        .andExpect(jsonPath("$.parentId").value(north.toString()));

    patchTeam(admin, east, "\"0\"", "{\"name\": \"Lost update\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));
    patchTeam(admin, east, null, "{\"nmae\": \"typo\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));

    mvc.perform(get("/api/v1/teams/" + east).header("Authorization", admin.bearer()))
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.name").value("East China"));
  }

  @Test
  void aTeamCannotMoveBelowItselfOrBelowOneOfItsSubTeams() throws Exception {
    UUID east = workspace.team("East", null);
    UUID shanghai = workspace.team("Shanghai", east);
    UUID pudong = workspace.team("Pudong", shanghai);

    patchTeam(admin, east, "\"0\"", "{\"parentId\": \"" + east + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("parentId"))
        .andExpect(jsonPath("$.errors[0].code").value("team-cycle"));
    patchTeam(admin, east, "\"0\"", "{\"parentId\": \"" + pudong + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("team-cycle"));
    patchTeam(admin, workspace.headOffice(), "\"0\"", "{\"parentId\": \"" + shanghai + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("team-cycle"));

    mvc.perform(get("/api/v1/teams/" + east).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.parentId").value(workspace.headOffice().toString()))
        .andExpect(jsonPath("$.version").value(0));
    // moving a sub-team up, out of its branch, is fine
    patchTeam(admin, pudong, "\"0\"", "{\"parentId\": \"" + east + "\"}")
        .andExpect(status().isOk());
  }

  @Test
  void aTeamWithMembersOrSubTeamsIsNotDeletedButAnEmptyOneIs() throws Exception {
    UUID east = workspace.team("East", null);
    UUID shanghai = workspace.team("Shanghai", east);
    Member rep = workspace.member(Role.SALES, shanghai);

    deleteTeam(admin, east, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("team-has-sub-teams"));
    deleteTeam(admin, shanghai, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("team-has-members"));
    assertThat(teamNames(admin)).contains("East", "Shanghai");

    mvc.perform(
            patch("/api/v1/users/" + rep.id())
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/users/" + rep.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"teamId\": \"" + east + "\"}"))
        .andExpect(status().isOk());
    deleteTeam(admin, shanghai, "\"0\"").andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/teams/" + shanghai).header("Authorization", admin.bearer()))
        .andExpect(status().isNotFound());
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "East");
  }

  @Test
  void deletingWithAStaleVersionGets412AndKeepsTheTeam() throws Exception {
    UUID east = workspace.team("East", null);
    patchTeam(admin, east, null, "{\"name\": \"East China\"}").andExpect(status().isOk());
    deleteTeam(admin, east, "\"0\"")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"));
    assertThat(teamNames(admin)).contains("East China");
  }

  @Test
  void aTeamThatCustomersStillBelongToIsNotDeleted() throws Exception {
    UUID east = workspace.team("East", null);
    Member rep = workspace.member(Role.SALES, east);
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"INDIVIDUAL\", \"name\": \"张伟\"}"))
        .andExpect(status().isCreated());
    mvc.perform(
            patch("/api/v1/users/" + rep.id())
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/users/" + rep.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"teamId\": null}"))
        .andExpect(status().isOk());

    deleteTeam(admin, east, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("team-in-use"));
    assertThat(teamNames(admin)).contains("East");
  }

  @Test
  void aManagerSeesTheCustomersOfATeamMovedBelowTheirsAtOnce() throws Exception {
    UUID east = workspace.team("East", null);
    UUID shanghai = workspace.team("Shanghai", null);
    Member manager = workspace.member(Role.MANAGER, east);
    Member rep = workspace.member(Role.SALES, shanghai);
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"INDIVIDUAL\", \"name\": \"李娜\"}"))
        .andExpect(status().isCreated());
    assertThat(customerNames(manager)).isEmpty();

    patchTeam(admin, shanghai, "\"0\"", "{\"parentId\": \"" + east + "\"}")
        .andExpect(status().isOk());

    assertThat(customerNames(manager)).containsExactly("李娜");
  }

  @Test
  void callersWithoutValidTokenGet401AndNothingChanges() throws Exception {
    UUID east = workspace.team("East", null);
    mvc.perform(get("/api/v1/teams"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthorized"));
    mvc.perform(
            post("/api/v1/teams")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/teams/" + east).header("Authorization", "Bearer gx_nope"))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            patch("/api/v1/teams/" + east)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\"}"))
        .andExpect(status().isUnauthorized());
    mvc.perform(delete("/api/v1/teams/" + east)).andExpect(status().isUnauthorized());
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "East");
  }

  @Test
  void usersWithoutTheAdministrationPermissionGet403AndNothingChanges() throws Exception {
    UUID east = workspace.team("East", null);
    for (Member caller :
        List.of(workspace.member(Role.MANAGER, east), workspace.member(Role.ANALYST))) {
      mvc.perform(get("/api/v1/teams").header("Authorization", caller.bearer()))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
      create(caller, "{\"name\": \"Mine\"}").andExpect(status().isForbidden());
      mvc.perform(get("/api/v1/teams/" + east).header("Authorization", caller.bearer()))
          .andExpect(status().isForbidden());
      patchTeam(caller, east, null, "{\"name\": \"Renamed\"}").andExpect(status().isForbidden());
      deleteTeam(caller, workspace.team("Empty", null), null).andExpect(status().isForbidden());
    }
    assertThat(teamNames(admin)).contains("East").doesNotContain("Mine", "Renamed");
  }

  @Test
  void anotherWorkspacesTeamIsNotFoundAndStaysUnchanged() throws Exception {
    UUID east = workspace.team("East", null);
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);

    mvc.perform(get("/api/v1/teams/" + east).header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    patchTeam(foreignAdmin, east, null, "{\"name\": \"Taken over\"}")
        .andExpect(status().isNotFound());
    deleteTeam(foreignAdmin, east, null).andExpect(status().isNotFound());
    assertThat(teamNames(foreignAdmin)).containsExactly("总部 Head office");
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "East");
  }

  @Test
  void theTeamPageCreatesRenamesMovesAndDeletesTeams() throws Exception {
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/admin/teams")
                .cookie(session)
                .with(csrf())
                .param("name", "华北销售部")
                .param("parentId", workspace.headOffice().toString()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/teams?created"));
    UUID north = teamId("华北销售部");
    UUID beijing = workspace.team("Beijing", null);

    mvc.perform(
            post("/admin/teams/" + beijing)
                .cookie(session)
                .with(csrf())
                .param("version", "0")
                .param("name", "北京组")
                .param("parentId", north.toString()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/teams?saved"));
    mvc.perform(get("/admin/teams").cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("value=\"北京组\"")))
        .andExpect(content().string(containsString("class=\"depth-2\"")));
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "华北销售部", "北京组");

    mvc.perform(
            post("/admin/teams/" + beijing + "/delete")
                .cookie(session)
                .with(csrf())
                .param("version", "1"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/admin/teams?deleted"));
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "华北销售部");
  }

  @Test
  void aRefusedChangeOnTheTeamPageShowsItsMessageAtTheTeamAndKeepsWhatWasTyped() throws Exception {
    UUID east = workspace.team("East", null);
    UUID shanghai = workspace.team("Shanghai", east);
    workspace.member(Role.SALES, shanghai);
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);

    mvc.perform(
            post("/admin/teams/" + east)
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "en")
                .param("version", "0")
                .param("name", "East China")
                .param("parentId", shanghai.toString()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "A team cannot belong to itself or to one of its own sub-teams.")))
        .andExpect(content().string(containsString("value=\"East China\"")));
    mvc.perform(
            post("/admin/teams/" + shanghai + "/delete")
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .param("version", "0"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该团队仍有成员，请先将成员调往其他团队。")));
    mvc.perform(
            post("/admin/teams")
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "zh-TW")
                .param("name", " "))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("此欄位為必填。")));
    mvc.perform(
            post("/admin/teams/" + east)
                .cookie(session)
                .with(csrf())
                .header("Accept-Language", "en")
                .param("version", "7")
                .param("name", "Too late"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Someone else changed this team meanwhile.")))
        .andExpect(content().string(containsString("value=\"Too late\"")));

    assertThat(teamNames(admin)).containsExactly("总部 Head office", "East", "Shanghai");
  }

  @Test
  void theTeamPageIsForAdministratorsOnly() throws Exception {
    UUID east = workspace.team("East", null);
    Member manager = workspace.member(Role.MANAGER, east);
    Cookie session = PageLogin.signIn(mvc, manager.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/admin/teams").cookie(session)).andExpect(status().isForbidden());
    mvc.perform(post("/admin/teams").cookie(session).with(csrf()).param("name", "Mine"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/teams/" + east + "/delete")
                .cookie(session)
                .with(csrf())
                .param("version", "0"))
        .andExpect(status().isForbidden());
    assertThat(mvc.perform(get("/admin/teams")).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");

    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    Cookie foreignSession = PageLogin.signIn(mvc, foreignAdmin.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/admin/teams/" + east + "/delete")
                .cookie(foreignSession)
                .with(csrf())
                .param("version", "0"))
        .andExpect(status().isNotFound());
    assertThat(teamNames(admin)).containsExactly("总部 Head office", "East");
  }

  ResultActions create(Member caller, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/teams")
            .header("Authorization", caller.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions patchTeam(Member caller, UUID id, String ifMatch, String json) throws Exception {
    var request =
        patch("/api/v1/teams/" + id)
            .header("Authorization", caller.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, caller.bearer(), "/api/v1/teams/" + id));
    return mvc.perform(request);
  }

  ResultActions deleteTeam(Member caller, UUID id, String ifMatch) throws Exception {
    var request = delete("/api/v1/teams/" + id).header("Authorization", caller.bearer());
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, caller.bearer(), "/api/v1/teams/" + id));
    return mvc.perform(request);
  }

  List<String> teamNames(Member caller) throws Exception {
    String json =
        mvc.perform(get("/api/v1/teams").header("Authorization", caller.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }

  UUID teamId(String name) throws Exception {
    String json =
        mvc.perform(get("/api/v1/teams").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> ids = JsonPath.read(json, "$.items[?(@.name == '" + name + "')].id");
    return UUID.fromString(ids.get(0));
  }

  List<String> customerNames(Member caller) throws Exception {
    String json =
        mvc.perform(get("/api/v1/customers").header("Authorization", caller.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }
}
