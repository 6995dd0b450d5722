package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.ImportJobs;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
@RecordApplicationEvents
class CustomerMergeTests {

  @Autowired MockMvc mvc;
  @Autowired Grants grants;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired Customers customers;

  TestWorkspace workspace;
  Member sales;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    sales = workspace.member(Role.SALES);
  }

  @Test
  void mergingMovesContactsSharesAndTimelineFillsEmptyFieldsAndIsAudited() throws Exception {
    String survivor =
        create(
            sales,
            "{\"kind\":\"INDIVIDUAL\",\"name\":\"张伟\",\"phone\":\"13812345678\",\"tags\":[\"VIP\"]}");
    String duplicate =
        create(
            sales,
            """
        {"kind":"INDIVIDUAL","name":"張偉","phone":"13900000000","email":"zhang.wei@example.com","city":"上海","tags":["复购"]}""");
    Member colleague = workspace.member(Role.SALES);
    workspace.in(
        () -> {
          jdbc.sql(
                  "insert into customer_contact (workspace_id, id, customer_id, name, is_primary, created_at) "
                      + "values (guanxi_current_workspace(), gen_random_uuid(), ?, '张太太', true, now())")
              .params(UUID.fromString(duplicate))
              .update();
          return jdbc.sql(
                  "insert into customer_share (workspace_id, customer_id, user_id) values (guanxi_current_workspace(), ?, ?)")
              .params(UUID.fromString(duplicate), colleague.id())
              .update();
        });

    merge(sales, survivor, "\"0\"", duplicate)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.id").value(survivor))
        .andExpect(jsonPath("$.phone").value("138****5678"))
        .andExpect(jsonPath("$.email").value("z***@example.com"))
        .andExpect(jsonPath("$.city").value("上海"))
        .andExpect(jsonPath("$.tags", contains("VIP", "复购")));

    mvc.perform(get("/api/v1/customers/" + duplicate).header("Authorization", sales.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/customers?deleted=true").header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[*].id", contains(duplicate)));
    mvc.perform(
            get("/api/v1/customers/" + survivor + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("MERGED"))
        .andExpect(jsonPath("$.items[0].detail.duplicateId").value(duplicate))
        .andExpect(
            jsonPath("$.items[0].detail.fields", containsInAnyOrder("email", "city", "tags")))
        .andExpect(jsonPath("$.items[*].kind", contains("MERGED", "CREATED", "CREATED")));
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select count(*) from customer_contact where customer_id = ?")
                        .params(UUID.fromString(survivor))
                        .query(Long.class)
                        .single()))
        .isEqualTo(1);
    assertThat(names(colleague)).as("a share moves with the merge").containsExactly("张伟");
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select merged_into from customer where id = ?")
                        .params(UUID.fromString(duplicate))
                        .query(UUID.class)
                        .single()))
        .hasToString(survivor);

    Member admin = workspace.member(Role.ADMINISTRATOR);
    String audit =
        mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
            .andExpect(jsonPath("$.items[0].action").value("MERGE"))
            .andExpect(jsonPath("$.items[0].subjectId").value(survivor))
            .andExpect(jsonPath("$.items[0].actorName").value(sales.username()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(audit, "$.items[0].detail"))
        .contains("\"contactsMoved\": 1", "\"sharesMoved\": 1", duplicate)
        .doesNotContain("zhang.wei@example.com", "13900000000");
    assertThat(events.stream(CustomerMerged.class))
        .containsExactly(
            new CustomerMerged(
                workspace.id(), UUID.fromString(survivor), UUID.fromString(duplicate), sales.id()));
  }

  @Test
  void aCustomerTheUserCannotSeeIsNotFoundAndNothingIsMerged() throws Exception {
    String mine = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"王芳\"}");
    Member otherRep = workspace.member(Role.SALES);
    String theirs = create(otherRep, "{\"kind\":\"INDIVIDUAL\",\"name\":\"王芳\"}");

    merge(sales, mine, null, theirs)
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not-found"));
    merge(sales, theirs, null, mine).andExpect(status().isNotFound());
    assertThat(names(sales)).containsExactly("王芳");
    assertThat(names(otherRep)).containsExactly("王芳");
    mvc.perform(get("/api/v1/customers/" + mine).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void anotherWorkspacesCustomerIsNotFound() throws Exception {
    String mine = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"孙丽\"}");
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    String foreign = create(foreignAdmin, "{\"kind\":\"INDIVIDUAL\",\"name\":\"孙丽\"}");

    merge(foreignAdmin, foreign, null, mine).andExpect(status().isNotFound());
    merge(sales, mine, null, foreign).andExpect(status().isNotFound());
    assertThat(names(sales)).containsExactly("孙丽");
    assertThat(names(foreignAdmin)).containsExactly("孙丽");
  }

  @Test
  void aMergedDuplicateCannotBeRestored() throws Exception {
    String survivor = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"合并甲\"}");
    String duplicate = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"合并乙\"}");
    merge(sales, survivor, "\"0\"", duplicate).andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/customers/" + duplicate + "/restore")
                .header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("merged-customer"));
    assertThat(names(sales)).containsExactly("合并甲");
  }

  @Test
  void aStaleIfMatchGets412AndNothingIsMerged() throws Exception {
    String survivor = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技有限公司\"}");
    String duplicate =
        create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"華信科技有限公司\",\"city\":\"杭州\"}");
    mvc.perform(
            patch("/api/v1/customers/" + survivor)
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + survivor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"industry\":\"信息技术\"}"))
        .andExpect(status().isOk());

    merge(sales, survivor, "\"0\"", duplicate)
        .andExpect(status().isPreconditionFailed())
        .andExpect(jsonPath("$.code").value("stale-version"))
        .andExpect(jsonPath("$.currentVersion").value(1));
    assertThat(names(sales)).containsExactlyInAnyOrder("华信科技有限公司", "華信科技有限公司");
    assertThat(events.stream(CustomerMerged.class)).isEmpty();
  }

  @Test
  void mergingNeedsATokenTheWritePermissionAndTwoDifferentCustomers() throws Exception {
    String survivor = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"周杰\"}");
    String duplicate = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"周杰\"}");
    mvc.perform(
            post("/api/v1/customers/" + survivor + "/merge")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"duplicateId\":\"" + duplicate + "\"}"))
        .andExpect(status().isUnauthorized());
    merge(workspace.member(Role.ANALYST), survivor, null, duplicate)
        .andExpect(status().isForbidden());
    merge(sales, survivor, null, survivor)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("same-customer"));
    mvc.perform(
            post("/api/v1/customers/" + survivor + "/merge")
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + survivor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("duplicateId"));
    assertThat(names(sales)).containsExactly("周杰", "周杰");
  }

  @Test
  void theCustomerPageLeadsToAMergeThatFindsTheDuplicate() throws Exception {
    String survivor = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"李娜\"}");
    String duplicate = create(sales, "{\"kind\":\"INDIVIDUAL\",\"name\":\"李娜娜\",\"city\":\"成都\"}");
    Cookie session = logIn(sales);
    mvc.perform(get("/customers/" + survivor).cookie(session))
        .andExpect(content().string(containsString("/customers/" + survivor + "/merge")));
    mvc.perform(get("/customers/" + survivor + "/merge").param("q", "李娜").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(duplicate)));

    mvc.perform(
            post("/customers/" + survivor + "/merge")
                .cookie(session)
                .with(csrf())
                .param("duplicateId", duplicate)
                .param("version", "0"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/customers/" + survivor));
    mvc.perform(get("/api/v1/customers/" + survivor).header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.city").value("成都"));
  }

  @Test
  void aSurvivorWithoutAnExternalKeyTakesTheDuplicatesOver() throws Exception {
    String survivor = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}");
    String duplicate = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"華信科技\"}");
    setKey(sales, duplicate, "ERP-9").andExpect(status().isOk());

    merge(sales, survivor, "\"0\"", duplicate)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.externalKey").value("ERP-9"));
    mvc.perform(
            get("/api/v1/customers/" + survivor + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("MERGED"))
        .andExpect(jsonPath("$.items[0].detail.fields", hasItem("externalKey")))
        .andExpect(jsonPath("$.items[0].detail.duplicateExternalKey").doesNotExist());
    assertThat(externalKeyOf(duplicate)).as("the key moved").isNull();
    assertThat(found(sales, "ERP-9"))
        .containsExactly(
            entry("ERP-9", new Customers.KeyedCustomer(id(survivor), "华信科技", true, false)));

    String other = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"东方贸易\"}");
    setKey(sales, other, "ERP-9")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("external-key-taken"));
  }

  @Test
  void aSurvivorKeepsItsOwnKeyAndTheDuplicatesStillFindsIt() throws Exception {
    String survivor = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"恒德实业\"}");
    String duplicate = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"恒德實業\"}");
    setKey(sales, survivor, "SHOP-1").andExpect(status().isOk());
    setKey(sales, duplicate, "ERP-1").andExpect(status().isOk());

    merge(sales, survivor, null, duplicate)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.externalKey").value("SHOP-1"));
    mvc.perform(
            get("/api/v1/customers/" + survivor + "/timeline")
                .header("Authorization", sales.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("MERGED"))
        .andExpect(jsonPath("$.items[0].detail.duplicateExternalKey").value("ERP-1"))
        .andExpect(jsonPath("$.items[0].detail.fields", not(hasItem("externalKey"))));
    mvc.perform(get("/customers/" + survivor).cookie(logIn(sales)))
        .andExpect(content().string(containsString("ERP-1")));

    Customers.KeyedCustomer survivorFound =
        new Customers.KeyedCustomer(id(survivor), "恒德实业", true, false);
    assertThat(found(sales, "SHOP-1", "ERP-1", "NOBODY"))
        .containsOnly(entry("SHOP-1", survivorFound), entry("ERP-1", survivorFound));
    Member otherRep = workspace.member(Role.SALES);
    assertThat(found(otherRep, "ERP-1"))
        .as("found, but not shown to a rep who may not see it")
        .containsExactly(
            entry("ERP-1", new Customers.KeyedCustomer(id(survivor), "恒德实业", false, false)));
    TestWorkspace abroad = workspaces.create();
    assertThat(found(abroad, abroad.member(Role.ADMINISTRATOR), "ERP-1"))
        .as("another workspace")
        .isEmpty();

    String third = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"恒德集团\"}");
    merge(sales, third, null, survivor).andExpect(status().isOk());
    assertThat(found(sales, "ERP-1", "SHOP-1"))
        .as("a merge of the merged customer is followed")
        .containsOnlyKeys("ERP-1", "SHOP-1")
        .allSatisfy((key, customer) -> assertThat(customer.id()).isEqualTo(id(third)));

    String newcomer = create(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"新客户\"}");
    setKey(sales, newcomer, "ERP-1").andExpect(status().isOk());
    assertThat(found(sales, "ERP-1").get("ERP-1").id())
        .as("a customer that has the key now comes first")
        .isEqualTo(id(newcomer));
  }

  @Test
  void anOrderImportFindsTheSurvivorByTheDuplicatesKey() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    String survivor = create(admin, "{\"kind\":\"ORGANIZATION\",\"name\":\"瑞丰食品\"}");
    String duplicate = create(admin, "{\"kind\":\"ORGANIZATION\",\"name\":\"瑞豐食品\"}");
    setKey(admin, survivor, "SHOP-7").andExpect(status().isOk());
    setKey(admin, duplicate, "ERP-7").andExpect(status().isOk());
    merge(admin, survivor, null, duplicate).andExpect(status().isOk());

    String csv =
        """
        InvoiceNo,InvoiceDate,CustomerID,StockCode,Description,Quantity,UnitPrice
        9001,2026-01-05,ERP-7,P-1,Pump,2,100
        """;
    String location =
        mvc.perform(
                multipart("/api/v1/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file", "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .param("options", "{\"createCustomers\":true,\"createProducts\":true}")
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.ordersCreated").value(1))
        .andExpect(jsonPath("$.customersCreated").value(0));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", survivor)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].number", contains("9001")));
  }

  ResultActions merge(Member member, String survivor, String ifMatch, String duplicate)
      throws Exception {
    var request =
        post("/api/v1/customers/" + survivor + "/merge")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"duplicateId\":\"" + duplicate + "\"}");
    request.header(
        "If-Match",
        ifMatch != null
            ? ifMatch
            : Versions.current(mvc, member.bearer(), "/api/v1/customers/" + survivor));
    return mvc.perform(request);
  }

  ResultActions setKey(Member member, String customer, String key) throws Exception {
    return mvc.perform(
        put("/api/v1/customers/" + customer + "/external-key")
            .header("Authorization", member.bearer())
            .header(
                "If-Match", Versions.current(mvc, member.bearer(), "/api/v1/customers/" + customer))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"externalKey\":\"" + key + "\"}"));
  }

  @Nullable String externalKeyOf(String customer) {
    return workspace.in(
        () ->
            jdbc.sql("select external_key from customer where id = ?")
                .params(UUID.fromString(customer))
                .query(String.class)
                .optional()
                .orElse(null));
  }

  Map<String, Customers.KeyedCustomer> found(Member member, String... keys) {
    return found(workspace, member, keys);
  }

  /** What the order import finds by these keys, for a member of the head office. */
  Map<String, Customers.KeyedCustomer> found(TestWorkspace in, Member member, String... keys) {
    CurrentUser user =
        new CurrentUser(
            in.id(),
            member.id(),
            member.username(),
            "Test " + member.username(),
            Set.of(member.role()),
            grants.of(Set.of(member.role())),
            in.headOffice(),
            List.of(in.headOffice()),
            null);
    return in.in(() -> customers.findByExternalKeys(user, List.of(keys)));
  }

  String create(Member member, String json) throws Exception {
    return JsonPath.read(
        mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", member.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.id");
  }

  UUID id(String customer) {
    return UUID.fromString(customer);
  }

  ResultActions awaitFinished(Member member, String location) throws Exception {
    return ImportJobs.awaitFinished(mvc, member, location);
  }

  java.util.List<String> names(Member member) throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/v1/customers").header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$.items[*].name");
  }

  Cookie logIn(Member member) throws Exception {
    return mvc.perform(
            post("/login")
                .with(csrf())
                .param("username", member.username())
                .param("password", TestWorkspace.PASSWORD))
        .andReturn()
        .getResponse()
        .getCookie("SESSION");
  }
}
