package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class LeadApiTests {

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
  void aCreatedLeadIsNewOwnedByItsCreatorWithMaskedPhoneAndEmail() throws Exception {
    create(
            sales,
            """
            {"name": "王小明", "company": "星河科技", "title": "采购经理", "phone": "+86 139 1234 5678",
             "email": "Wang.XM@Example.com", "source": "展会", "city": "杭州", "industry": "制造业"}""")
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/leads/")))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.status").value("NEW"))
        .andExpect(jsonPath("$.phone").value("139****5678"))
        .andExpect(jsonPath("$.email").value("w***@example.com"))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()))
        .andExpect(jsonPath("$.personalDataRevealed").value(false));
  }

  @Test
  void phoneAndEmailAreStoredSealed() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"赵雷\", \"phone\": \"13900001111\"}"));
    byte[] sealed =
        workspace.in(
            () ->
                jdbc.sql("select phone_enc from sales_lead where id = cast(? as uuid)")
                    .params(id)
                    .query(byte[].class)
                    .single());
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("13900001111");
  }

  @Test
  void revealingNeedsThePermissionAndShowsThePlainValues() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"赵雷\", \"phone\": \"13900001111\"}"));
    mvc.perform(get("/api/v1/leads/" + id + "?reveal=true").header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden());
    Member manager = workspace.member(Role.MANAGER);
    mvc.perform(
            get("/api/v1/leads/" + id + "?reveal=true").header("Authorization", manager.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value("13900001111"))
        .andExpect(jsonPath("$.personalDataRevealed").value(true));
  }

  @Test
  void badInputIsRejectedWithFieldErrorsAndNothingIsSaved() throws Exception {
    create(sales, "{\"title\": \"经理\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].code", hasItem("name-or-company")));
    create(sales, "{\"name\": \"李娜\", \"phone\": \"12\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("phone"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-phone"));
    create(sales, "{\"name\": \"李娜\", \"email\": \"li@@x\"}")
        .andExpect(jsonPath("$.errors[0].code").value("invalid-email"));
    create(sales, "{\"name\": \"" + "长".repeat(101) + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    create(sales, "{\"name\": \"李娜\", \"status\": \"CONVERTED\"}")
        .andExpect(jsonPath("$.errors[0].code").value("status-not-settable"));
    create(sales, "{\"name\": \"李娜\", \"status\": \"ASLEEP\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));
    assertThat(names(sales, "")).isEmpty();
  }

  @Test
  void callersWithoutValidTokenGet401AndNothingIsSaved() throws Exception {
    mvc.perform(
            post("/api/v1/leads")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/v1/leads").header("Authorization", "Bearer gx_not-a-token"))
        .andExpect(status().isUnauthorized());
    assertThat(names(sales, "")).isEmpty();
  }

  @Test
  void aRepCannotSeeOrChangeAnotherRepsLead() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"王芳\"}"));
    Member otherRep = workspace.member(Role.SALES);
    mvc.perform(get("/api/v1/leads/" + id).header("Authorization", otherRep.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/v1/leads/" + id)
                .header("Authorization", otherRep.bearer())
                .header("If-Match", Versions.current(mvc, otherRep.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"改名\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    mvc.perform(
            post("/api/v1/leads/" + id + "/qualify")
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match", Versions.current(mvc, otherRep.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/leads/" + id)
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match", Versions.current(mvc, otherRep.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isNotFound());
    assertThat(names(otherRep, "")).isEmpty();
    assertThat(names(sales, "")).containsExactly("王芳");
  }

  @Test
  void aManagerSeesTheTeamsLeadsButNotOtherTeams() throws Exception {
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    create(workspace.member(Role.SALES, east), "{\"name\": \"东区线索\"}");
    create(workspace.member(Role.SALES, west), "{\"name\": \"西区线索\"}");
    assertThat(names(workspace.member(Role.MANAGER, east), "")).containsExactly("东区线索");
    assertThat(names(workspace.member(Role.MARKETING), "")).contains("东区线索", "西区线索");
  }

  @Test
  void anotherWorkspacesLeadIsNotFound() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"孙丽\"}"));
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/leads/" + id).header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/v1/leads/" + id)
                .header("Authorization", foreignAdmin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, foreignAdmin.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"hijacked\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/leads/" + id + "/disqualify")
                .header("Authorization", foreignAdmin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, foreignAdmin.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/leads/" + id)
                .header("Authorization", foreignAdmin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, foreignAdmin.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isNotFound());
    assertThat(names(foreignAdmin, "")).isEmpty();
    assertThat(names(sales, "")).containsExactly("孙丽");
  }

  @Test
  void patchWithStaleVersionGets412AndChangesNothing() throws Exception {
    String id = idOf(create(sales, "{\"company\": \"华信科技有限公司\"}"));
    patchLead(id, "\"0\"", "{\"city\":\"杭州\", \"status\": \"WORKING\"}")
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.city").value("杭州"))
        .andExpect(jsonPath("$.status").value("WORKING"));
    patchLead(id, "\"0\"", "{\"city\":\"南京\"}")
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));
    mvc.perform(
            post("/api/v1/leads/" + id + "/qualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(get("/api/v1/leads/" + id).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.city").value("杭州"))
        .andExpect(jsonPath("$.status").value("WORKING"));
  }

  @Test
  void patchKeepsPhoneUntouchedAndRefusesUnknownFields() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"钱进\", \"phone\": \"13911112222\"}"));
    patchLead(id, null, "{\"notes\":\"回电\"}").andExpect(status().isOk());
    patchLead(id, null, "{\"budget\":1}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    assertThat(names(sales, "13911112222")).containsExactly("钱进");
  }

  @Test
  void qualifyingAndDisqualifyingMoveTheStatusAndDisqualifyingNeedsAReason() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"周强\"}"));
    mvc.perform(
            post("/api/v1/leads/" + id + "/disqualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"  \"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("reason"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    mvc.perform(
            post("/api/v1/leads/" + id + "/disqualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/api/v1/leads/" + id + "/disqualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"没有预算\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.status").value("DISQUALIFIED"))
        .andExpect(jsonPath("$.disqualificationReason").value("没有预算"));
    patchLead(id, null, "{\"status\":\"NEW\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("status-not-settable"));
    mvc.perform(
            post("/api/v1/leads/" + id + "/qualify")
                .header("Authorization", sales.bearer())
                .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("QUALIFIED"))
        .andExpect(jsonPath("$.disqualificationReason").value(nullValue()));
  }

  @Test
  void searchFindsByPartOfNameOrCompanyByEmailAndByPhoneAndFiltersByStatusAndSource()
      throws Exception {
    create(sales, "{\"name\": \"张伟\", \"company\": \"东方电气\", \"phone\": \"13812345678\"}");
    create(
        sales,
        "{\"name\": \"Li Lei\", \"company\": \"Acme Ltd\", \"email\": \"li@acme.cn\", \"source\": \"web form\"}");
    String third = idOf(create(sales, "{\"company\": \"南方物流\", \"source\": \"展会\"}"));
    mvc.perform(
        post("/api/v1/leads/" + third + "/qualify")
            .header("Authorization", sales.bearer())
            .header("If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + third)));

    assertThat(names(sales, "东方")).containsExactly("张伟");
    assertThat(names(sales, "acme")).containsExactly("Li Lei");
    assertThat(names(sales, "LI@ACME.CN")).containsExactly("Li Lei");
    assertThat(names(sales, "138 1234 5678")).containsExactly("张伟");
    assertThat(names(sales, "5678")).containsExactly("张伟");
    assertThat(names(sales, "100%")).isEmpty();
    assertThat(list(sales, "status", "QUALIFIED")).containsExactly("南方物流");
    assertThat(list(sales, "source", "web form")).containsExactly("Li Lei");
    assertThat(list(sales, "ownerId", sales.id().toString())).hasSize(3);
    mvc.perform(get("/api/v1/leads?status=ASLEEP").header("Authorization", sales.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("bad-parameter"));
  }

  @Test
  void theListPagesByCursor() throws Exception {
    for (int i = 1; i <= 5; i++) {
      create(sales, "{\"name\": \"线索" + i + "\"}");
    }
    String first =
        mvc.perform(get("/api/v1/leads?limit=2").header("Authorization", sales.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(first, "$.items[*].name")).containsExactly("线索5", "线索4");
    String cursor = JsonPath.read(first, "$.nextCursor");
    mvc.perform(
            get("/api/v1/leads?limit=2&cursor=" + cursor).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("线索3", "线索2")));
    mvc.perform(get("/api/v1/leads?cursor=nonsense").header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
    mvc.perform(get("/api/v1/leads?limit=0").header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void deletingRemovesTheLeadAndHonoursIfMatch() throws Exception {
    String id = idOf(create(sales, "{\"name\": \"吴刚\"}"));
    mvc.perform(
            delete("/api/v1/leads/" + id)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"3\""))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(
            delete("/api/v1/leads/" + id)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\""))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/leads/" + id).header("Authorization", sales.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRepCannotGiveALeadToSomeoneElse() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    create(sales, "{\"name\": \"赵敏\", \"ownerId\": \"" + otherRep.id() + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("owner-not-allowed"));
    assertThat(names(otherRep, "")).isEmpty();
  }

  @Test
  void repeatedPostWithTheSameIdempotencyKeyCreatesOneLead() throws Exception {
    String body = "{\"name\": \"周杰\"}";
    String first =
        mvc.perform(
                post("/api/v1/leads")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "lead-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                post("/api/v1/leads")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "lead-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(names(sales, "")).containsExactly("周杰");
  }

  ResultActions create(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/leads")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions patchLead(String id, String ifMatch, String json) throws Exception {
    var request =
        patch("/api/v1/leads/" + id)
            .header("Authorization", sales.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json);
    request.header(
        "If-Match",
        ifMatch != null ? ifMatch : Versions.current(mvc, sales.bearer(), "/api/v1/leads/" + id));
    return mvc.perform(request);
  }

  List<String> names(Member member, String q) throws Exception {
    return list(member, "q", q);
  }

  private List<String> list(Member member, String parameter, String value) throws Exception {
    String body =
        mvc.perform(
                get("/api/v1/leads")
                    .param(parameter, value)
                    .header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> names = JsonPath.read(body, "$.items[*].name");
    List<String> companies = JsonPath.read(body, "$.items[*].company");
    List<String> shown = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      shown.add(names.get(i) != null ? names.get(i) : companies.get(i));
    }
    return shown;
  }

  static String idOf(ResultActions result) throws Exception {
    return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id");
  }
}
