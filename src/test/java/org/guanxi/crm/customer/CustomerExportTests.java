package org.guanxi.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class CustomerExportTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  Member admin;
  Member manager;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
    manager = workspace.member(Role.MANAGER);
  }

  @Test
  void anExportDefusesSpreadsheetFormulasAndMasksPersonalData() throws Exception {
    create(
        admin,
        """
        {"kind": "INDIVIDUAL", "name": "=HYPERLINK(\\"http://evil.example\\")", "city": "+SUM(A1:A9)", "industry": "-2+3",
         "source": "@cmd", "preferences": "\\t=1+1", "phone": "13812345678", "email": "zhang.wei@example.com",
         "birthday": "1990-05-03", "tags": ["VIP", "老客户"]}""");

    String csv =
        export(manager, "")
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"customers-")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(csv)
        .as("UTF-8 with a byte order mark, for Excel")
        .startsWith("\uFEFFid,name,kind,lifecycleStage");
    CSVRecord row = records(csv).get(0);
    assertThat(row.get("name")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
    assertThat(row.get("city")).isEqualTo("'+SUM(A1:A9)");
    assertThat(row.get("industry")).isEqualTo("'-2+3");
    assertThat(row.get("source")).isEqualTo("'@cmd");
    assertThat(row.get("preferences")).as("stored stripped, still defused").isEqualTo("'=1+1");
    assertThat(row.get("tags")).isEqualTo("VIP;老客户");
    assertThat(row.get("phone")).isEqualTo("138****5678");
    assertThat(row.get("email")).isEqualTo("z***@example.com");
    assertThat(row.get("birthday")).isEqualTo("1990-**-**");
    assertThat(csv).doesNotContain("13812345678", "zhang.wei@example.com");
  }

  @Test
  void revealingPersonalDataInAnExportNeedsThePermission() throws Exception {
    create(admin, "{\"kind\": \"INDIVIDUAL\", \"name\": \"郑爽\", \"phone\": \"13912345678\"}");
    Member marketing = workspace.member(Role.MARKETING);
    export(marketing, "?reveal=true")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));

    String csv =
        export(manager, "?reveal=true")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(records(csv).get(0).get("phone")).isEqualTo("13912345678");
    audit()
        .andExpect(jsonPath("$.items[0].action").value("EXPORT"))
        .andExpect(
            jsonPath("$.items[0].detail")
                .value(org.hamcrest.Matchers.containsString("\"revealedFields\": [\"phone\"")));
  }

  @Test
  void everyExportIsAuditedWithCountsAndFieldNamesButNoPersonalData() throws Exception {
    create(admin, "{\"kind\": \"INDIVIDUAL\", \"name\": \"冯巩\", \"phone\": \"13712345678\"}");
    create(admin, "{\"kind\": \"INDIVIDUAL\", \"name\": \"冯小刚\"}");
    export(manager, "?q=13712345678").andExpect(status().isOk());

    String detail =
        JsonPath.read(
            audit()
                .andExpect(jsonPath("$.items[0].action").value("EXPORT"))
                .andExpect(jsonPath("$.items[0].actorName").value(manager.username()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].detail");
    assertThat(detail)
        .contains(
            "\"rows\": 1",
            "\"filters\": [\"q\"]",
            "\"fields\": [\"id\", \"name\"",
            "\"complete\": true")
        .doesNotContain("13712345678", "冯巩");
  }

  @Test
  void anExportHasTheFiltersOfTheList() throws Exception {
    create(
        admin,
        "{\"kind\": \"ORGANIZATION\", \"name\": \"华信科技\", \"lifecycleStage\": \"ACTIVE\", \"city\": \"上海\"}");
    create(
        admin,
        "{\"kind\": \"ORGANIZATION\", \"name\": \"东方贸易\", \"lifecycleStage\": \"LOST\", \"city\": \"上海\"}");
    create(
        admin,
        "{\"kind\": \"INDIVIDUAL\", \"name\": \"王芳\", \"lifecycleStage\": \"ACTIVE\", \"city\": \"北京\"}");

    String csv =
        export(manager, "?lifecycleStage=ACTIVE&city=上海")
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(records(csv)).extracting(r -> r.get("name")).containsExactly("华信科技");
  }

  @Test
  void anUnknownFilterValueIsABadRequestForTheListAndTheExportAlike() throws Exception {
    for (String path : List.of("/api/v1/customers", "/api/v1/customers/export")) {
      mvc.perform(get(path + "?lifecycleStage=ASLEEP").header("Authorization", manager.bearer()))
          .andExpect(status().isBadRequest())
          .andExpect(
              content()
                  .contentTypeCompatibleWith(
                      org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.code").value("bad-parameter"))
          .andExpect(jsonPath("$.parameter").value("lifecycleStage"));
      mvc.perform(get(path + "?ownerId=not-a-uuid").header("Authorization", manager.bearer()))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.parameter").value("ownerId"));
    }
  }

  @Test
  void anExportOfMoreThanAThousandCustomersNeedsTheLargeExportPermission() throws Exception {
    StringBuilder file = new StringBuilder("客户名称,城市\n");
    for (int i = 1; i <= 1001; i++) {
      file.append("测试客户").append(String.format("%04d", i)).append(",上海\n");
    }
    String location =
        mvc.perform(
                multipart("/api/v1/customers/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "many.csv",
                            "text/csv",
                            file.toString().getBytes(StandardCharsets.UTF_8)))
                    .header("Authorization", admin.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitImported(location, 1001);

    Member marketing = workspace.member(Role.MARKETING);
    export(marketing, "")
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("large-export-not-allowed"));
    export(marketing, "?q=测试客户000").andExpect(status().isOk());

    String csv =
        export(manager, "")
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<CSVRecord> rows = records(csv);
    assertThat(rows).hasSize(1001);
    assertThat(rows)
        .extracting(r -> r.get("name"))
        .doesNotHaveDuplicates()
        .contains("测试客户0001", "测试客户1001");
  }

  @Test
  void exportingNeedsATokenAndTheExportPermission() throws Exception {
    mvc.perform(get("/api/v1/customers/export")).andExpect(status().isUnauthorized());
    export(workspace.member(Role.SALES), "").andExpect(status().isForbidden());
    export(workspace.member(Role.ANALYST), "").andExpect(status().isForbidden());
  }

  @Test
  void theListPageExportsWhatItShows() throws Exception {
    create(
        admin, "{\"kind\": \"ORGANIZATION\", \"name\": \"华信科技\", \"lifecycleStage\": \"ACTIVE\"}");
    create(admin, "{\"kind\": \"ORGANIZATION\", \"name\": \"东方贸易\", \"lifecycleStage\": \"LOST\"}");
    Cookie session = logIn(manager);
    mvc.perform(get("/customers").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("/customers/export.csv")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("/customers/imports")));

    String csv =
        mvc.perform(get("/customers/export.csv").param("stage", "LOST").cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(records(csv)).extracting(r -> r.get("name")).containsExactly("东方贸易");
  }

  ResultActions export(Member member, String query) throws Exception {
    return mvc.perform(
        get("/api/v1/customers/export" + query).header("Authorization", member.bearer()));
  }

  ResultActions audit() throws Exception {
    return mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
        .andExpect(status().isOk());
  }

  void create(Member member, String json) throws Exception {
    mvc.perform(
            post("/api/v1/customers")
                .header("Authorization", member.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json))
        .andExpect(status().isCreated());
  }

  void awaitImported(String location, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    int imported = 0;
    while (imported < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
      imported =
          JsonPath.read(
              mvc.perform(get(location).header("Authorization", admin.bearer()))
                  .andReturn()
                  .getResponse()
                  .getContentAsString(),
              "$.imported");
    }
    assertThat(imported).isEqualTo(count);
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

  static List<CSVRecord> records(String csv) throws Exception {
    return CSVFormat.EXCEL
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv))
        .getRecords();
  }
}
