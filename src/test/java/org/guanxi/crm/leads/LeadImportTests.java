package org.guanxi.crm.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.Role;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@GuanxiTest
class LeadImportTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member marketing;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    marketing = workspace.member(Role.MARKETING);
  }

  @Test
  void aGbkFileFromAChineseExcelIsReadWithItsChineseHeaders() throws Exception {
    String csv =
        "姓名,公司,手机,邮箱,来源,地区,行业,备注\r\n"
            + "欧阳娜娜,杭州瑞丰食品有限公司,13812345678,nana@ruifeng.example.cn,展会,杭州,食品,想要样品\r\n"
            + "陈静,,0571-8888 1234,,转介绍,上海,,\r\n";
    upload(marketing, "线索.csv", csv.getBytes(Charset.forName("GBK")), null, null)
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("/api/v1/lead-imports/")))
        .andExpect(jsonPath("$.fileName").value("线索.csv"))
        .andExpect(jsonPath("$.totalRows").value(2))
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.rejected").value(0))
        .andExpect(jsonPath("$.mapping['手机']").value("phone"))
        .andExpect(jsonPath("$.mapping['地区']").value("city"))
        .andExpect(jsonPath("$.rows").isEmpty());
    mvc.perform(get("/api/v1/leads").param("q", "oynn").header("Authorization", marketing.bearer()))
        .andExpect(jsonPath("$.items[0].name").value("欧阳娜娜"))
        .andExpect(jsonPath("$.items[0].company").value("杭州瑞丰食品有限公司"))
        .andExpect(jsonPath("$.items[0].city").value("杭州"))
        .andExpect(jsonPath("$.items[0].source").value("展会"))
        .andExpect(jsonPath("$.items[0].notes").value("想要样品"))
        .andExpect(jsonPath("$.items[0].status").value("NEW"))
        .andExpect(jsonPath("$.items[0].phone").value("138****5678"));
    assertThat(names(marketing, "0571 8888 1234")).containsExactly("陈静");
  }

  @Test
  void utf8WithAByteOrderMarkHasItsFirstHeaderRecognised() throws Exception {
    byte[] text = "Name,E-mail\nLi Lei,li@acme.cn\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(text, 0, withBom, 3, text.length);
    upload(marketing, "bom.csv", withBom, null, null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.headers[0]").value("Name"))
        .andExpect(jsonPath("$.mapping['Name']").value("name"))
        .andExpect(jsonPath("$.imported").value(1));
    assertThat(names(marketing, "li@acme.cn")).containsExactly("Li Lei");
  }

  @Test
  void aMalformedFileIsRefusedAndImportsNothing() throws Exception {
    byte[] broken =
        "name,phone\n\"王芳,13800001111\n李娜,13900002222\n".getBytes(StandardCharsets.UTF_8);
    upload(marketing, "broken.csv", broken, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("malformed-csv"));
    upload(
            marketing,
            "old.xls",
            new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 1, 2},
            null,
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("old-excel-format"));
    upload(
            marketing,
            "latin1.csv",
            new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xff, (byte) 0xff, '\n'},
            null,
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-encoding"));
    upload(marketing, "header.csv", "name,phone\n".getBytes(StandardCharsets.UTF_8), null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("no-rows"));
    upload(marketing, "what.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("name-not-mapped"));
    assertThat(names(marketing, "")).isEmpty();
    assertThat(importCount()).isZero();
  }

  @Test
  void mixedQualityRowsImportTheGoodOnesAndReportTheRestWithReasons() throws Exception {
    Member rep = workspace.member(Role.SALES);
    String existing =
        JsonPath.read(
            mvc.perform(
                    post("/api/v1/leads")
                        .header("Authorization", rep.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"老客户\", \"phone\": \"13900001111\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    String csv =
        """
        姓名,公司,电话,邮箱,城市
        王小明,星河科技,13811112222,wang@xinghe.cn,杭州
        赵丽,,12,,北京
        ,,13733334444,,上海
        钱进,钱氏集团,,not-an-address,南京
        王小明二号,星河科技,13855556666,WANG@xinghe.cn,杭州
        孙悦,悦来客栈,+86 139 0000 1111,,成都
        "=HYPERLINK(""http://evil.example/"")",坏公司,abc,,深圳
        周杰,杰威尔,13577778888,zhou@jvr.example,台北
        """;
    String body =
        upload(marketing, "mixed.csv", csv.getBytes(StandardCharsets.UTF_8), null, null)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.totalRows").value(8))
            .andExpect(jsonPath("$.imported").value(2))
            .andExpect(jsonPath("$.rejected").value(4))
            .andExpect(jsonPath("$.duplicates").value(2))
            .andExpect(jsonPath("$.duplicatePolicy").value("SKIP"))
            .andExpect(jsonPath("$.rows[*].row", contains(3, 4, 5, 6, 7, 8)))
            .andExpect(jsonPath("$.rows[0].outcome").value("REJECTED"))
            .andExpect(jsonPath("$.rows[0].problems[0].column").value("电话"))
            .andExpect(jsonPath("$.rows[0].problems[0].code").value("invalid-phone"))
            .andExpect(jsonPath("$.rows[1].problems[0].code").value("name-or-company"))
            .andExpect(jsonPath("$.rows[2].problems[0].column").value("邮箱"))
            .andExpect(jsonPath("$.rows[2].problems[0].code").value("invalid-email"))
            .andExpect(jsonPath("$.rows[3].outcome").value("DUPLICATE_SKIPPED"))
            .andExpect(jsonPath("$.rows[3].duplicateOfRow").value(2))
            .andExpect(jsonPath("$.rows[3].problems[0].code").value("duplicate-in-file"))
            .andExpect(jsonPath("$.rows[4].outcome").value("DUPLICATE_SKIPPED"))
            .andExpect(jsonPath("$.rows[4].duplicateOfLead").value(existing))
            .andExpect(jsonPath("$.rows[4].problems[0].code").value("duplicate-of-lead"))
            .andExpect(jsonPath("$.rows[5].outcome").value("REJECTED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(body)
        .as("the API lists problems, never the values")
        .doesNotContain("not-an-address");
    assertThat(names(marketing, "")).containsExactlyInAnyOrder("老客户", "王小明", "周杰");

    String report =
        mvc.perform(
                get(JsonPath.<String>read(body, "$.errorReport"))
                    .header("Authorization", marketing.bearer())
                    .header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(header().string("Content-Disposition", containsString("mixed-errors.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(report).startsWith("\uFEFF行,结果,列,问题,姓名,公司,电话,邮箱,城市");
    List<String> lines = report.lines().skip(1).toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("3,被拒绝,电话,").contains("赵丽", ",12,");
    assertThat(lines.get(2)).startsWith("5,被拒绝,邮箱,").contains("not-an-address");
    assertThat(lines.get(3)).startsWith("6,疑似重复，已跳过,邮箱,邮箱与第 2 行相同");
    assertThat(lines.get(4)).startsWith("7,疑似重复，已跳过,电话,已有相同电话的线索");
    assertThat(report)
        .as("a formula in an uploaded cell is defused in the report")
        .contains("\"'=HYPERLINK(\"\"http://evil.example/\"\")\"");
  }

  @Test
  void duplicatesImportedAllTheSameAreStillListed() throws Exception {
    String csv = "name,email\n甲,a@x.cn\n乙,A@X.CN\n";
    upload(marketing, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), null, "IMPORT")
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.duplicates").value(1))
        .andExpect(jsonPath("$.rows[0].row").value(3))
        .andExpect(jsonPath("$.rows[0].outcome").value("DUPLICATE_IMPORTED"))
        .andExpect(jsonPath("$.rows[0].leadId").isNotEmpty());
    assertThat(names(marketing, "a@x.cn")).containsExactlyInAnyOrder("甲", "乙");
    upload(marketing, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), null, "MAYBE")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("bad-parameter"));
  }

  @Test
  void importedLeadsGoThroughTheAssignmentRulesElseToTheImporter() throws Exception {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Member hangzhouRep = workspace.member(Role.SALES);
    mvc.perform(
            post("/api/v1/lead-assignment-rules")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\": \"杭州\", \"userId\": \"" + hangzhouRep.id() + "\"}"))
        .andExpect(status().isCreated());
    String csv = "name,city\n杭州线索,杭州\n北京线索,北京\n";
    upload(marketing, "rules.csv", csv.getBytes(StandardCharsets.UTF_8), null, null)
        .andExpect(jsonPath("$.imported").value(2));
    assertThat(names(hangzhouRep, "")).containsExactly("杭州线索");
    mvc.perform(get("/api/v1/leads").param("q", "北京线索").header("Authorization", marketing.bearer()))
        .andExpect(jsonPath("$.items[0].ownerId").value(marketing.id().toString()));
  }

  @Test
  void aChosenOwnerTakesEveryLeadWhenTheImporterMayGiveLeadsToThem() throws Exception {
    var east = workspace.team("East", null);
    Member manager = workspace.member(Role.MANAGER, east);
    Member teamRep = workspace.member(Role.SALES, east);
    Member otherTeamRep = workspace.member(Role.SALES, workspace.team("West", null));
    String csv = "name,city\n甲,杭州\n";
    upload(
            manager,
            "owner.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            null,
            null,
            teamRep.id().toString())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.ownerId").value(teamRep.id().toString()));
    assertThat(names(teamRep, "")).containsExactly("甲");
    upload(
            manager,
            "owner.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            null,
            null,
            otherTeamRep.id().toString())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("owner-not-allowed"));
    assertThat(names(otherTeamRep, "")).isEmpty();
  }

  @Test
  void columnsAreMappedByTheUsersChoice() throws Exception {
    String csv = "联络对象,单位名,Handy\n林志玲,志玲公司,13612345678\n";
    byte[] content = csv.getBytes(StandardCharsets.UTF_8);
    upload(marketing, "map.csv", content, "{\"联络对象\": \"name\", \"Nope\": \"phone\"}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("mapping"))
        .andExpect(jsonPath("$.errors[0].code").value("unknown-column"));
    upload(marketing, "map.csv", content, "{\"联络对象\": \"budget\"}", null)
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    upload(marketing, "map.csv", content, "not json", null)
        .andExpect(jsonPath("$.errors[0].code").value("invalid-mapping"));
    upload(
            marketing,
            "map.csv",
            content,
            "{\"联络对象\": \"name\", \"单位名\": \"company\", \"Handy\": \"phone\"}",
            null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.imported").value(1));
    assertThat(names(marketing, "5678")).containsExactly("林志玲");
  }

  @Test
  void aCellOfSeveralMegabytesIsRefusedAtOnce() throws Exception {
    // a lead import takes files of up to 10 MB: this one cell fills half of that
    byte[] file =
        ("name,company\n王芳,华信科技\n" + "长".repeat((5 << 20) / 3) + ",华信科技\n")
            .getBytes(StandardCharsets.UTF_8);
    upload(marketing, "leads.csv", file, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("cell-too-large"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("Row 3 ")));
    assertThat(names(marketing, "")).isEmpty();
    assertThat(importCount()).isZero();
  }

  @Test
  void aFileWithMoreRowsThanTheLimitIsRefusedWhole() throws Exception {
    StringBuilder csv = new StringBuilder("name\n");
    for (int i = 0; i <= 5_000; i++) {
      csv.append("线索").append(i).append('\n');
    }
    upload(marketing, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("too-many-rows"));
    assertThat(importCount()).isZero();
  }

  @Test
  void callersWithoutTokenOrPermissionAreRefusedAndNothingIsSaved() throws Exception {
    byte[] csv = "name\n甲\n".getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/api/v1/leads/import")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", csv)))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    Member rep = workspace.member(Role.SALES);
    upload(rep, "x.csv", csv, null, null)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("forbidden"));
    mvc.perform(multipart("/api/v1/leads/import").header("Authorization", marketing.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("file-required"));
    assertThat(names(marketing, "")).isEmpty();
    assertThat(importCount()).isZero();
  }

  @Test
  void anImportIsSeenOnlyByWhoRanItInItsWorkspace() throws Exception {
    String location =
        upload(
                marketing,
                "x.csv",
                "name,phone\n甲,12\n".getBytes(StandardCharsets.UTF_8),
                null,
                null)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    mvc.perform(get(location).header("Authorization", marketing.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rejected").value(1));
    Member colleague = workspace.member(Role.MARKETING);
    mvc.perform(get(location).header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get(location + "/errors.csv").header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get(location).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get(location + "/errors.csv").header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRepeatedUploadWithTheSameIdempotencyKeyImportsOnce() throws Exception {
    byte[] csv = "name\n甲\n乙\n".getBytes(StandardCharsets.UTF_8);
    String first =
        mvc.perform(
                request(marketing, "x.csv", csv, null, null, null)
                    .header("Idempotency-Key", "imp-1"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        mvc.perform(
                request(marketing, "x.csv", csv, null, null, null)
                    .header("Idempotency-Key", "imp-1"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
    assertThat(names(marketing, "")).containsExactlyInAnyOrder("甲", "乙");
    assertThat(importCount()).isEqualTo(1);
  }

  @Test
  void thePageImportsAFileAndShowsTheOutcomeWithTheReport() throws Exception {
    Cookie session = PageLogin.signIn(mvc, marketing.username(), TestWorkspace.PASSWORD);
    mvc.perform(get("/leads/import").cookie(session).header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("导入线索")));
    mvc.perform(multipart("/leads/import").cookie(session).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请选择要导入的文件")));
    byte[] csv = "联络对象,电话\n林志玲,13612345678\n错误,12\n".getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/leads/import")
                .file(new MockMultipartFile("file", "page.csv", "text/csv", csv))
                .param("duplicates", "SKIP")
                .cookie(session)
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("没有列包含姓名或公司")));
    String location =
        mvc.perform(
                multipart("/leads/import")
                    .file(new MockMultipartFile("file", "page.csv", "text/csv", csv))
                    .param("column.name", "联络对象")
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/leads/imports/");
    mvc.perform(get(location).cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("page.csv")))
        .andExpect(content().string(containsString("电话号码无效")))
        .andExpect(content().string(containsString(location + "/errors.csv")));
    mvc.perform(get(location + "/errors.csv").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("错误,12")));
    assertThat(names(marketing, "")).containsExactly("林志玲");
  }

  private ResultActions upload(
      Member member, String fileName, byte[] content, String mapping, String duplicates)
      throws Exception {
    return upload(member, fileName, content, mapping, duplicates, null);
  }

  private ResultActions upload(
      Member member,
      String fileName,
      byte[] content,
      String mapping,
      String duplicates,
      String ownerId)
      throws Exception {
    return mvc.perform(request(member, fileName, content, mapping, duplicates, ownerId));
  }

  private MockMultipartHttpServletRequestBuilder request(
      Member member,
      String fileName,
      byte[] content,
      String mapping,
      String duplicates,
      String ownerId) {
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/v1/leads/import")
            .file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
    request.header("Authorization", member.bearer());
    if (mapping != null) {
      request.param("mapping", mapping);
    }
    if (duplicates != null) {
      request.param("duplicates", duplicates);
    }
    if (ownerId != null) {
      request.param("ownerId", ownerId);
    }
    return request;
  }

  private long importCount() {
    return workspace.in(
        () -> jdbc.sql("select count(*) from sales_lead_import").query(Long.class).single());
  }

  private List<String> names(Member member, String q) throws Exception {
    String body =
        mvc.perform(get("/api/v1/leads").param("q", q).header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> names = JsonPath.read(body, "$.items[*].name");
    List<String> companies = JsonPath.read(body, "$.items[*].company");
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      shown.add(names.get(i) != null ? names.get(i) : companies.get(i));
    }
    return shown;
  }
}
