package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
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

@GuanxiTest
class CustomerApiTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void createdCustomerIsReturnedWithLocationETagAndMaskedPersonalData() throws Exception {
    create(
            sales,
            """
        {"kind": "INDIVIDUAL", "name": "张伟", "city": "上海", "phone": "+86 138 1234 5678", "email": "Zhang.Wei@Example.com",
         "tags": ["VIP"], "lifecycleStage": "NEW"}""")
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/customers/")))
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.name").value("张伟"))
        .andExpect(jsonPath("$.phone").value("138****5678"))
        .andExpect(jsonPath("$.email").value("z***@example.com"))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()))
        .andExpect(jsonPath("$.lifecycleStage").value("NEW"))
        .andExpect(jsonPath("$.classification").value("ORDINARY"));
  }

  @Test
  void invalidInputIsRejectedWithFieldErrorsAndNothingIsSaved() throws Exception {
    create(
            sales,
            """
        {"kind": "INDIVIDUAL", "name": "", "phone": "12"}""")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("validation"))
        .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
    create(
            sales,
            """
        {"kind": "INDIVIDUAL", "name": "李娜", "phone": "12"}""")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("phone"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-phone"));
    // a blank tag is named by its place in the list, as the client sent it
    create(
            sales,
            """
        {"kind": "INDIVIDUAL", "name": "李娜", "tags": ["重点", " "]}""")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("tags[1]"))
        .andExpect(jsonPath("$.errors[0].code").value("notblank"));
    create(
            sales,
            """
        {"kind": "ALIEN", "name": "李娜"}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unreadable-body"));
    assertThat(listNames(sales, "")).isEmpty();
  }

  @Test
  void callersWithoutValidTokenGet401ProblemAndNothingIsSaved() throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"INDIVIDUAL\",\"name\":\"x\"}"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("unauthorized"));
    mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer gx_not-a-token"))
        .andExpect(status().isUnauthorized());
    assertThat(listNames(sales, "")).isEmpty();
  }

  @Test
  void aRepCannotSeeOrChangeAnotherRepsCustomer() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"王芳\"}"));
    Member otherRep = workspace.member(Role.SALES);

    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", otherRep.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match", Versions.current(mvc, otherRep.bearer(), "/api/v1/customers/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"改名\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    mvc.perform(
            delete("/api/v1/customers/" + id)
                .header("Authorization", otherRep.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, otherRep.bearer(), "/api/v1/customers/" + id)))
        .andExpect(status().isNotFound());
    assertThat(listNames(otherRep, "")).isEmpty();

    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.name").value("王芳"))
        .andExpect(jsonPath("$.deletedAt").value(nullValue()));
  }

  @Test
  void aManagerSeesTheTeamsCustomersButNotOtherTeams() throws Exception {
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    var eastRep = workspace.member(Role.SALES, east);
    var westRep = workspace.member(Role.SALES, west);
    var eastManager = workspace.member(Role.MANAGER, east);
    create(eastRep, "{\"kind\":\"INDIVIDUAL\",\"name\":\"东区客户\"}");
    create(westRep, "{\"kind\":\"INDIVIDUAL\",\"name\":\"西区客户\"}");

    assertThat(listNames(eastManager, "")).containsExactly("东区客户");
  }

  @Test
  void customersFollowTheirOwnerToANewTeam() throws Exception {
    var east = workspace.team("East", null);
    var west = workspace.team("West", null);
    var rep = workspace.member(Role.SALES, east);
    var eastManager = workspace.member(Role.MANAGER, east);
    var westManager = workspace.member(Role.MANAGER, west);
    var admin = workspace.member(Role.ADMINISTRATOR);
    create(rep, "{\"kind\":\"INDIVIDUAL\",\"name\":\"跟人走的客户\"}");
    assertThat(listNames(eastManager, "")).containsExactly("跟人走的客户");

    mvc.perform(
            patch("/api/v1/users/" + rep.id())
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/users/" + rep.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"teamId\":\"" + west + "\"}"))
        .andExpect(status().isOk());

    assertThat(listNames(eastManager, "")).isEmpty();
    assertThat(listNames(westManager, "")).containsExactly("跟人走的客户");
  }

  @Test
  void aRepCannotGiveACustomerToSomeoneElse() throws Exception {
    Member otherRep = workspace.member(Role.SALES);
    create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"赵敏\",\"ownerId\":\"" + otherRep.id() + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("owner-not-allowed"));
    assertThat(listNames(otherRep, "")).isEmpty();
  }

  @Test
  void aCustomerWhoseOwnerHasLeftCanStillBeEditedAndKeepsItsOwner() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"恒通物流有限公司\"}"));
    workspace.deactivate(sales);
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"苏州\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.city").value("苏州"))
        .andExpect(jsonPath("$.ownerId").value(sales.id().toString()));
  }

  @Test
  void anotherWorkspacesCustomerIsNotFound() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"孙丽\"}"));
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);

    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", foreignAdmin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, foreignAdmin.bearer(), "/api/v1/customers/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"hijacked\"}"))
        .andExpect(status().isNotFound());
    assertThat(listNames(foreignAdmin, "")).isEmpty();
    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.name").value("孙丽"));
  }

  @Test
  void patchWithStaleVersionGets412AndChangesNothing() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技有限公司\"}"));
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"杭州\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.city").value("杭州"));

    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"南京\"}"))
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));

    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.city").value("杭州"))
        .andExpect(header().string("ETag", "\"1\""));
  }

  @Test
  void patchOfUnknownOrInvalidFieldIsRejected() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"东方贸易\"}"));
    patchCustomer(sales, id, "{\"nmae\":\"typo\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("nmae"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    patchCustomer(sales, id, "{\"lifecycleStage\":\"SLEEPING\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("lifecycleStage"));
    patchCustomer(sales, id, "{\"email\":\"not-an-address\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-email"));
    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.name").value("东方贸易"))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void repeatedPostWithTheSameIdempotencyKeyCreatesOneCustomer() throws Exception {
    String body = "{\"kind\":\"INDIVIDUAL\",\"name\":\"周杰\"}";
    String first =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "k-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", sales.bearer())
                    .header("Idempotency-Key", "k-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(listNames(sales, "")).containsExactly("周杰");

    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", sales.bearer())
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"INDIVIDUAL\",\"name\":\"别人\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("idempotency-key-reused"));
    assertThat(listNames(sales, "")).containsExactly("周杰");
  }

  @Test
  void deletedCustomerGoesToTheRecycleBinAndCanBeRestored() throws Exception {
    String id = idOf(create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"吴敏\"}"));
    mvc.perform(
            delete("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header("If-Match", "\"0\""))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
        .andExpect(status().isNotFound());
    assertThat(listNames(sales, "")).isEmpty();
    mvc.perform(get("/api/v1/customers?deleted=true").header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].name").value("吴敏"));

    mvc.perform(
            post("/api/v1/customers/" + id + "/restore").header("Authorization", sales.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deletedAt").value(nullValue()));
    assertThat(listNames(sales, "")).containsExactly("吴敏");
    mvc.perform(
            get("/api/v1/customers/" + id + "/timeline").header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[*].kind", contains("RESTORED", "DELETED", "CREATED")));
  }

  @Test
  void revealingPersonalDataNeedsThePermissionAndIsAudited() throws Exception {
    Member manager = workspace.member(Role.MANAGER);
    String id =
        idOf(create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"郑爽\",\"phone\":\"13912345678\"}"));
    mvc.perform(
            get("/api/v1/customers/" + id + "?reveal=true").header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    mvc.perform(
            get("/api/v1/customers/" + id + "?reveal=true")
                .header("Authorization", manager.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value("13912345678"))
        .andExpect(jsonPath("$.personalDataRevealed").value(true));
    Member admin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].action").value("REVEAL"))
        .andExpect(jsonPath("$.items[0].actorName").value(manager.username()))
        .andExpect(jsonPath("$.items[0].subjectId").value(id));
  }

  @Test
  void anAnalystReadsButCannotWrite() throws Exception {
    create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"冯巩\"}");
    Member analyst = workspace.member(Role.ANALYST);
    assertThat(listNames(analyst, "")).containsExactly("冯巩");
    create(analyst, "{\"kind\":\"INDIVIDUAL\",\"name\":\"x\"}").andExpect(status().isForbidden());
    assertThat(listNames(analyst, "")).containsExactly("冯巩");
  }

  @Test
  void listsPageByCursorWithoutRepeatingOrSkipping() throws Exception {
    for (int i = 0; i < 7; i++) {
      create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"客户" + i + "\"}");
    }
    var seen = new java.util.ArrayList<String>();
    String cursor = null;
    do {
      String json =
          mvc.perform(
                  get("/api/v1/customers")
                      .param("limit", "3")
                      .param("sort", "NAME")
                      .param("cursor", cursor)
                      .header("Authorization", sales.bearer()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      seen.addAll(JsonPath.read(json, "$.items[*].name"));
      cursor = JsonPath.read(json, "$.nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactly("客户0", "客户1", "客户2", "客户3", "客户4", "客户5", "客户6");

    mvc.perform(
            get("/api/v1/customers")
                .param("cursor", "garbage")
                .header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("cursor"));
    mvc.perform(
            get("/api/v1/customers").param("limit", "0").header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent());
  }

  ResultActions create(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/customers")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  ResultActions patchCustomer(Member member, String id, String json) throws Exception {
    return mvc.perform(
        patch("/api/v1/customers/" + id)
            .header("Authorization", member.bearer())
            .header("If-Match", Versions.current(mvc, member.bearer(), "/api/v1/customers/" + id))
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }

  java.util.List<String> listNames(Member member, String q) throws Exception {
    String json =
        mvc.perform(get("/api/v1/customers").param("q", q).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }
}
