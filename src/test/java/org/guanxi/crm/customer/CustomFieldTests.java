package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.guanxi.crm.platform.Role;
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
class CustomFieldTests {

  static final String LEVEL =
      """
      {"key":"level","type":"CHOICE","label":{"en":"Level","zhCn":"等级","zhTw":"等級"},
       "options":[{"value":"gold","label":{"en":"Gold","zhCn":"金牌","zhTw":"金牌"}},
                  {"value":"silver","label":{"en":"Silver","zhCn":"银牌","zhTw":"銀牌"}}]}""";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Member sales;

  @BeforeEach
  void workspaceWithFields() throws Exception {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    sales = workspace.member(Role.SALES);
    addField(admin, LEVEL)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.label.zhCn").value("等级"));
    addField(
        admin,
        """
        {"key":"annual_budget","type":"MONEY","label":{"en":"Annual budget","zhCn":"年度预算","zhTw":"年度預算"}}""");
    addField(
        admin,
        """
        {"key":"signed_on","type":"DATE","label":{"en":"Signed on","zhCn":"签约日期","zhTw":"簽約日期"}}""");
    addField(
        admin,
        """
        {"key":"exporter","type":"BOOLEAN","label":{"en":"Exporter","zhCn":"出口企业","zhTw":"出口企業"}}""");
  }

  @Test
  void customerValuesAreTypedAndShownThroughTheApi() throws Exception {
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"金桥贸易\",\"customFields\":"
                + "{\"level\":\"gold\",\"annual_budget\":\"1,250,000.50\",\"signed_on\":\"2026-03-01\",\"exporter\":\"是\"}}")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.customFields.level").value("gold"))
        .andExpect(jsonPath("$.customFields.annual_budget").value(1250000.50))
        .andExpect(jsonPath("$.customFields.signed_on").value("2026-03-01"))
        .andExpect(jsonPath("$.customFields.exporter").value(true));
  }

  @Test
  void valuesThatDoNotFitTheirFieldAreRejectedAndNothingIsSaved() throws Exception {
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"A\",\"customFields\":{\"level\":\"platinum\"}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("customFields.level"))
        .andExpect(jsonPath("$.errors[0].code").value("invalid-choice"));
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"B\",\"customFields\":{\"annual_budget\":\"lots\"}}")
        .andExpect(jsonPath("$.errors[0].code").value("invalid-number"));
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"C\",\"customFields\":{\"signed_on\":\"yesterday\"}}")
        .andExpect(jsonPath("$.errors[0].code").value("invalid-date"));
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"D\",\"customFields\":{\"shoe_size\":\"42\"}}")
        .andExpect(jsonPath("$.errors[0].code").value("unknown-custom-field"));
    assertThat(names(sales, "")).isEmpty();
  }

  @Test
  void aRequiredFieldMustBeFilled() throws Exception {
    addField(
        admin,
        """
        {"key":"tax_id","type":"TEXT","required":true,"label":{"en":"Tax ID","zhCn":"税号","zhTw":"稅號"}}""");
    createCustomer(sales, "{\"kind\":\"ORGANIZATION\",\"name\":\"无税号\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("customFields.tax_id"))
        .andExpect(jsonPath("$.errors[0].code").value("required"));
    createCustomer(
            sales,
            "{\"kind\":\"ORGANIZATION\",\"name\":\"有税号\",\"customFields\":{\"tax_id\":\"91310000X\"}}")
        .andExpect(status().isCreated());
  }

  @Test
  void aPatchChangesAndRemovesSingleValues() throws Exception {
    String id =
        idOf(
            createCustomer(
                sales,
                "{\"kind\":\"ORGANIZATION\",\"name\":\"星辰电子\",\"customFields\":{\"level\":\"silver\",\"exporter\":true}}"));
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customFields\":{\"level\":\"gold\",\"exporter\":null}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customFields.level").value("gold"))
        .andExpect(jsonPath("$.customFields.exporter").doesNotExist());
  }

  @Test
  void customersAreFilteredByCustomFieldValues() throws Exception {
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"金客户\",\"customFields\":{\"level\":\"gold\",\"exporter\":true}}");
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"银客户\",\"customFields\":{\"level\":\"silver\"}}");
    assertThat(names(sales, "cf.level=gold")).containsExactly("金客户");
    assertThat(names(sales, "cf.exporter=true")).containsExactly("金客户");
    assertThat(names(sales, "cf.level=silver")).containsExactly("银客户");
    mvc.perform(get("/api/v1/customers?cf.level=bronze").header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(get("/api/v1/customers?cf.nothing=1").header("Authorization", sales.bearer()))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void theListPageLeavesOutAnUnknownOrInvalidCustomFieldFilterAndSaysSo() throws Exception {
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"金客户\",\"customFields\":{\"level\":\"gold\"}}");
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"银客户\",\"customFields\":{\"level\":\"silver\"}}");
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);

    mvc.perform(get("/customers").cookie(session).param("cf.nosuch", "1"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("筛选条件 cf.nosuch 未采用：没有该自定义字段。")))
        .andExpect(content().string(containsString("金客户")))
        .andExpect(content().string(containsString("银客户")));
    mvc.perform(
            get("/customers/rows")
                .cookie(session)
                .header("Accept-Language", "en")
                .param("cf.level", "bronze"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString("The filter cf.level is left out: Not one of the choices.")));
    // a valid filter beside an invalid one still applies
    mvc.perform(
            get("/customers")
                .cookie(session)
                .param("cf.level", "silver")
                .param("cf.exporter", "perhaps"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("筛选条件 cf.exporter 未采用")))
        .andExpect(content().string(containsString("银客户")))
        .andExpect(content().string(not(containsString("金客户"))));
  }

  @Test
  void anExportTakesTheSameCustomFieldFiltersAsTheList() throws Exception {
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"金客户\",\"customFields\":{\"level\":\"gold\"}}");
    createCustomer(
        sales,
        "{\"kind\":\"ORGANIZATION\",\"name\":\"银客户\",\"customFields\":{\"level\":\"silver\"}}");

    String csv =
        mvc.perform(
                get("/api/v1/customers/export?cf.level=silver")
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv).contains("银客户").doesNotContain("金客户");
    mvc.perform(
            get("/api/v1/customers/export?cf.level=bronze").header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("cf.level"));
  }

  @Test
  void onlyAdministratorsDefineFieldsAndBadDefinitionsAreRejected() throws Exception {
    addField(sales, LEVEL.replace("\"level\"", "\"other\"")).andExpect(status().isForbidden());
    addField(admin, LEVEL)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("key-taken"));
    addField(admin, LEVEL.replace("\"level\"", "\"Bad Key\""))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("key"));
    addField(
            admin,
            "{\"key\":\"kind2\",\"type\":\"CHOICE\",\"label\":{\"en\":\"K\",\"zhCn\":\"K\",\"zhTw\":\"K\"}}")
        .andExpect(jsonPath("$.errors[0].code").value("options-required"));
    addField(
            admin,
            "{\"key\":\"nolabel\",\"type\":\"TEXT\",\"label\":{\"en\":\"\",\"zhCn\":\"x\",\"zhTw\":\"x\"}}")
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/api/v1/custom-fields").contentType(MediaType.APPLICATION_JSON).content(LEVEL))
        .andExpect(status().isUnauthorized());
    String json =
        mvc.perform(get("/api/v1/custom-fields").header("Authorization", sales.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<String>>read(json, "$.items[*].key"))
        .containsExactlyInAnyOrder("level", "annual_budget", "signed_on", "exporter");
  }

  @Test
  void anotherWorkspaceNeitherSeesNorChangesTheFields() throws Exception {
    String json =
        mvc.perform(get("/api/v1/custom-fields").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.items[0].id");
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get("/api/v1/custom-fields/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(delete("/api/v1/custom-fields/" + id).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/custom-fields").header("Authorization", foreign.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(get("/api/v1/custom-fields/" + id).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.active").value(true));
  }

  @Test
  void relabellingWithAStaleVersionGets412() throws Exception {
    String json =
        mvc.perform(get("/api/v1/custom-fields").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(json, "$.items[0].id");
    String change = "{\"field\":" + LEVEL.replace("\"Level\"", "\"Tier\"") + "}";
    mvc.perform(
            put("/api/v1/custom-fields/" + id)
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(change))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.label.en").value("Tier"));
    mvc.perform(
            put("/api/v1/custom-fields/" + id)
                .header("Authorization", admin.bearer())
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(change))
        .andExpect(status().isPreconditionFailed());
  }

  @Test
  void aRetiredFieldKeepsItsValuesOutOfSightUntilReactivated() throws Exception {
    String id =
        idOf(
            createCustomer(
                sales,
                "{\"kind\":\"ORGANIZATION\",\"name\":\"退役测试\",\"customFields\":{\"level\":\"gold\"}}"));
    String fields =
        mvc.perform(get("/api/v1/custom-fields").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String level = JsonPath.<List<String>>read(fields, "$.items[?(@.key == 'level')].id").get(0);
    mvc.perform(delete("/api/v1/custom-fields/" + level).header("Authorization", admin.bearer()))
        .andExpect(status().isNoContent());
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customFields\":{\"level\":\"silver\"}}"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            patch("/api/v1/customers/" + id)
                .header("Authorization", sales.bearer())
                .header(
                    "If-Match", Versions.current(mvc, sales.bearer(), "/api/v1/customers/" + id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"厦门\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.customFields.level").value("gold"));
  }

  @Test
  void theFormAndTheCustomerPageShowCustomFieldsInTheUsersLanguage() throws Exception {
    Cookie session = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/customers/new").cookie(session))
        .andExpect(content().string(containsString("等级")))
        .andExpect(content().string(containsString("name=\"customFields[level]\"")))
        .andExpect(content().string(containsString("金牌")));
    String location =
        mvc.perform(
                post("/customers")
                    .cookie(session)
                    .with(csrf())
                    .param("kind", "ORGANIZATION")
                    .param("name", "表单客户")
                    .param("customFields[level]", "gold")
                    .param("customFields[annual_budget]", "88000"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(location).cookie(session))
        .andExpect(content().string(containsString("金牌")))
        .andExpect(content().string(containsString("¥88,000.00")));
    mvc.perform(get(location).cookie(session).param("lang", "en"))
        .andExpect(content().string(containsString("Gold")));
    mvc.perform(
            post("/customers")
                .cookie(session)
                .with(csrf())
                .param("kind", "ORGANIZATION")
                .param("name", "坏值客户")
                .param("customFields[signed_on]", "not-a-date"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Not a date")))
        .andExpect(content().string(containsString("value=\"坏值客户\"")));
    mvc.perform(get("/customers/rows").cookie(session).param("cf.level", "gold"))
        .andExpect(content().string(containsString("表单客户")));
  }

  @Test
  void theAdministratorsPageAddsAFieldAndExplainsMistakes() throws Exception {
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    mvc.perform(
            post("/admin/custom-fields")
                .cookie(session)
                .with(csrf())
                .param("key", "region")
                .param("type", "CHOICE")
                .param("labelEn", "Region")
                .param("labelZhCn", "区域")
                .param("labelZhTw", "區域")
                .param("options", "east | East | 华东 | 華東\nwest | West | 华西 | 華西"))
        .andExpect(redirectedUrl("/admin/custom-fields"));
    mvc.perform(get("/admin/custom-fields").cookie(session))
        .andExpect(content().string(containsString("区域")));
    mvc.perform(
            post("/admin/custom-fields")
                .cookie(session)
                .with(csrf())
                .param("key", "region")
                .param("type", "TEXT")
                .param("labelEn", "Region 2")
                .param("labelZhCn", "区域2")
                .param("labelZhTw", "區域2"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("已有自定义字段使用该键")))
        .andExpect(content().string(containsString("value=\"区域2\"")));
    Cookie repSession = PageLogin.signIn(mvc, sales.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/admin/custom-fields").cookie(repSession)).andExpect(status().isForbidden());
  }

  @Test
  void importedColumnsNamedAfterCustomFieldsFillThemAndExportsCarryThem() throws Exception {
    byte[] file =
        ("名称,等级,Annual budget,出口企业\n金桥物流,gold,\"1,000\",是\n坏等级公司,platinum,5,否\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String location =
        mvc.perform(
                multipart("/api/v1/customers/import")
                    .file(
                        new org.springframework.mock.web.MockMultipartFile(
                            "file", "fields.csv", "text/csv", file))
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    String job = "";
    for (int i = 0; i < 300 && !job.contains("\"DONE\""); i++) {
      Thread.sleep(100);
      job =
          mvc.perform(get(location).header("Authorization", admin.bearer()))
              .andReturn()
              .getResponse()
              .getContentAsString();
    }
    assertThat(JsonPath.<Integer>read(job, "$.imported")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(job, "$.rejected")).isEqualTo(1);
    String report =
        mvc.perform(get(location + "/errors.csv").header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(report).contains("坏等级公司").contains("等级");

    mvc.perform(get("/api/v1/customers?q=金桥物流").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].customFields.level").value("gold"))
        .andExpect(jsonPath("$.items[0].customFields.annual_budget").value(1000))
        .andExpect(jsonPath("$.items[0].customFields.exporter").value(true));
    String csv =
        mvc.perform(get("/api/v1/customers/export").header("Authorization", admin.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow())
        .endsWith("level,annual_budget,signed_on,exporter");
    assertThat(csv).contains("金桥物流").containsPattern("gold,1000,,true");
  }

  private ResultActions addField(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/custom-fields")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private ResultActions createCustomer(Member member, String json) throws Exception {
    return mvc.perform(
        post("/api/v1/customers")
            .header("Authorization", member.bearer())
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static String idOf(ResultActions created) throws Exception {
    return JsonPath.read(
        created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
        "$.id");
  }

  private List<String> names(Member member, String query) throws Exception {
    String json =
        mvc.perform(get("/api/v1/customers?" + query).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
  }
}
