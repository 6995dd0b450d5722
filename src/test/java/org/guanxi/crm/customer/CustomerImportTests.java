package org.guanxi.crm.customer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.ImportJobs;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GuanxiTest
class CustomerImportTests {

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @Autowired FieldCipher cipher;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @Test
  void aMalformedFileIsRefusedWith422AndNothingIsImported() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    upload(admin, "customers.csv", garbage, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(
            jsonPath("$.errors[0].code").value(anyOf(is("unknown-encoding"), is("not-a-table"))));

    byte[] brokenWorkbook =
        "PK\u0003\u0004 this is not really a workbook".getBytes(StandardCharsets.ISO_8859_1);
    upload(admin, "customers.xlsx", brokenWorkbook, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unreadable-xlsx"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(startsWith("The file looks like an Excel workbook but cannot be opened")));

    byte[] oldExcel = {
      (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1
    };
    upload(admin, "customers.xls", oldExcel, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("old-excel-format"));

    upload(
            admin,
            "customers.csv",
            "name,phone\n\"张伟,13800138000\n李娜,13900139000\n".getBytes(StandardCharsets.UTF_8),
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("malformed-csv"));

    upload(admin, "customers.csv", "name,phone\n".getBytes(StandardCharsets.UTF_8), null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("no-rows"));

    upload(admin, "customers.csv", new byte[0], null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("empty-file"));

    assertThat(names(admin)).isEmpty();
  }

  @Test
  void aCellOfFortyMegabytesIsRefusedAtOnceWithTheRowItIsIn() throws Exception {
    byte[] file = ("name,city\n张伟,上海\n\"" + "长".repeat((40 << 20) / 3) + "\",北京\n").getBytes(UTF_8);

    upload(admin, "customers.csv", file, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:guanxi:problem:validation"))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("cell-too-large"))
        .andExpect(jsonPath("$.errors[0].message").value(startsWith("Row 3 ")));

    byte[] unclosedQuote = ("name,city\n\"张伟,上海\n" + "李娜,北京\n".repeat(200_000)).getBytes(UTF_8);
    upload(admin, "customers.csv", unclosedQuote, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("cell-too-large"));

    assertThat(
            workspace.in(
                () -> jdbc.sql("select count(*) from customer_import").query(Long.class).single()))
        .isZero();
    assertThat(names(admin)).isEmpty();
  }

  @Test
  void aQueuedImportWhoseFileHasACellTooLargeFailsWithTheReason() throws Exception {
    // a file taken before uploads were checked for it: the worker refuses it as it reads
    Cookie session = logIn(admin);
    String page =
        mvc.perform(
                multipart("/customers/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "old.csv", "text/csv", "name\n张伟\n".getBytes(UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
    byte[] file = ("name\n张伟\n" + "长".repeat(200_000) + "\n").getBytes(UTF_8);
    workspace.in(
        () ->
            jdbc.sql("update customer_import set file_enc = ?, status = 'QUEUED' where id = ?")
                .params(
                    cipher.encrypt(
                        Base64.getEncoder().encodeToString(file),
                        FieldContext.of("customer_import", "file_enc", id)),
                    id)
                .update());
    // queued as the import pages queue it: handed to the scheduler
    workspace.in(
        () ->
            jdbc.sql("select guanxi_schedule_job('customer-import', guanxi_current_workspace(), ?)")
                .params(id)
                .query()
                .singleRow());

    awaitFinished(admin, "/api/v1/customer-imports/" + id)
        .andExpect(jsonPath("$.status").value("FAILED"))
        .andExpect(
            jsonPath("$.failure").value(startsWith("Row 3 has a cell of more than 100,000")));
    assertThat(names(admin)).isEmpty();
  }

  @Test
  void aFileWithMixedQualityRowsImportsTheValidRowsAndReportsTheOthersRowByRow() throws Exception {
    byte[] file = new ClassPathResource("imports/mixed-quality.csv").getContentAsByteArray();
    String location =
        upload(admin, "mixed-quality.csv", file, null)
            .andExpect(status().isAccepted())
            .andExpect(header().string("Location", startsWith("/api/v1/customer-imports/")))
            .andExpect(jsonPath("$.total").value(8))
            .andExpect(jsonPath("$.mapping['客户名称']").value("name"))
            .andExpect(jsonPath("$.mapping['手机']").value("phone"))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.processed").value(8))
        .andExpect(jsonPath("$.imported").value(3))
        .andExpect(jsonPath("$.rejected").value(5))
        .andExpect(jsonPath("$.duplicates").value(0))
        .andExpect(jsonPath("$.links.errors").value(location + "/errors.csv"));

    assertThat(names(admin))
        .containsExactlyInAnyOrder("上海恒达贸易有限公司", "王小明", "Northwind Trading Ltd");
    mvc.perform(
            get("/api/v1/customers")
                .param("q", "Northwind")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].phone").value("135****5000"))
        .andExpect(jsonPath("$.items[0].lifecycleStage").value("NEW"))
        .andExpect(jsonPath("$.items[0].kind").value("ORGANIZATION"))
        .andExpect(jsonPath("$.items[0].ownerId").value(admin.id().toString()));
    mvc.perform(get("/api/v1/customers").param("q", "王小明").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("INDIVIDUAL"))
        .andExpect(jsonPath("$.items[0].birthday").value("1988-**-**"));

    String report =
        mvc.perform(
                get(location + "/errors.csv")
                    .header("Authorization", admin.bearer())
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(report).startsWith("\uFEFFRow,Column,Problem,客户名称,类型,手机");
    List<String> lines = report.lines().skip(1).toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("4,客户名称,");
    assertThat(lines.get(1)).startsWith("5,手机,Not a phone number").contains("赵丽", ",12,");
    assertThat(lines.get(2)).startsWith("6,邮箱,Not an e-mail address").contains("not-an-address");
    assertThat(lines.get(3)).startsWith("7,类型; 生命周期阶段,").contains("外星人", "沉睡");
    assertThat(lines.get(4)).startsWith("9,生日,").contains("1990-02-30");
    assertThat(report)
        .as("a formula in an uploaded cell is defused in the report")
        .contains("\"'=HYPERLINK(\"\"http://evil.example/\"\")\"")
        .doesNotContain(",=HYPERLINK");
  }

  @Test
  void aChineseGbkEncodedCsvIsReadCorrectly() throws Exception {
    String csv =
        "客户名称,电话,邮箱,城市,行业,来源,标签\r\n"
            + "杭州瑞丰食品有限公司,0571-8888 1234,contact@ruifeng.example.cn,杭州,食品,转介绍,老客户、出口\r\n"
            + "欧阳娜娜,13812345678,,台北,,,VIP\r\n";
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));
    String location =
        upload(admin, "客户.csv", gbk, null)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location)
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.fileName").value("客户.csv"));
    assertThat(names(admin)).containsExactlyInAnyOrder("杭州瑞丰食品有限公司", "欧阳娜娜");
    mvc.perform(get("/api/v1/customers").param("q", "瑞丰").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].city").value("杭州"))
        .andExpect(jsonPath("$.items[0].industry").value("食品"))
        .andExpect(jsonPath("$.items[0].tags", contains("老客户", "出口")));
    mvc.perform(get("/api/v1/customers").param("q", "oynn").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("欧阳娜娜")));
  }

  @Test
  void utf8WithAByteOrderMarkIsReadAndItsFirstHeaderRecognised() throws Exception {
    byte[] text =
        "姓名,手机,邮箱\n陈静,13912345678,chen.jing@example.com\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(text, 0, withBom, 3, text.length);
    String location =
        upload(admin, "bom.csv", withBom, null)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.headers[0]").value("姓名"))
            .andExpect(jsonPath("$.mapping['姓名']").value("name"))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location).andExpect(jsonPath("$.imported").value(1));
    mvc.perform(
            get("/api/v1/customers")
                .param("q", "chen.jing@example.com")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("陈静")));
  }

  @Test
  void anExcelWorkbookIsImportedWithItsNumbersAndDates() throws Exception {
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("客户");
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
      Row header = sheet.createRow(0);
      String[] headers = {"Name", "Mobile", "E-mail", "Birthday", "Stage", "Owner"};
      for (int i = 0; i < headers.length; i++) {
        header.createCell(i).setCellValue(headers[i]);
      }
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue("林志玲");
      first.createCell(1).setCellValue(13612345678d);
      first.createCell(2).setCellValue("lin@example.com");
      first.createCell(3).setCellValue(LocalDate.of(1974, 11, 29));
      first.getCell(3).setCellStyle(date);
      first.createCell(4).setCellValue("活躍客戶");
      first.createCell(5).setCellValue(admin.username());
      Row third = sheet.createRow(3);
      third.createCell(0).setCellValue("Emma Wilson");
      workbook = writeTo(book, out);
    }
    String location =
        upload(admin, "customers.xlsx", workbook, null)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.format").value("XLSX"))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location)
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.rejected").value(0));
    String id =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/customers")
                        .param("q", "林志玲")
                        .header("Authorization", admin.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    mvc.perform(
            get("/api/v1/customers/" + id + "?reveal=true").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.phone").value("13612345678"))
        .andExpect(jsonPath("$.birthday").value("1974-11-29"))
        .andExpect(jsonPath("$.lifecycleStage").value("ACTIVE"));
  }

  @Test
  void columnsCanBeMappedByTheCallerAndANameColumnIsRequired() throws Exception {
    byte[] csv =
        "Spalte A;Spalte B;Notiz\nMüller GmbH;+49 30 1234567;x\n".getBytes(StandardCharsets.UTF_8);
    upload(admin, "kunden.csv", csv, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("name-not-mapped"));
    upload(admin, "kunden.csv", csv, "{\"Spalte A\": \"name\", \"Spalte B\": \"nickname\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    upload(admin, "kunden.csv", csv, "{\"Spalte C\": \"name\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-column"));

    String location =
        upload(admin, "kunden.csv", csv, "{\"Spalte A\": \"name\", \"Spalte B\": \"phone\"}")
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.mapping", aMapWithSize(2)))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location).andExpect(jsonPath("$.imported").value(1));
    mvc.perform(
            get("/api/v1/customers").param("q", "Müller").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].kind").value("ORGANIZATION"))
        .andExpect(jsonPath("$.items[0].phone").value("493****4567"));
  }

  @Test
  void possibleDuplicatesAreHeldForADecisionInsteadOfImported() throws Exception {
    String zhangWei =
        create(
            admin, "{\"kind\":\"INDIVIDUAL\",\"name\":\"张伟\",\"email\":\"zhang.wei@example.com\"}");
    String liNa =
        create(admin, "{\"kind\":\"INDIVIDUAL\",\"name\":\"李娜\",\"phone\":\"13912345678\"}");
    String huaxin = create(admin, "{\"kind\":\"ORGANIZATION\",\"name\":\"華信科技有限公司\"}");
    String acme = create(admin, "{\"kind\":\"ORGANIZATION\",\"name\":\"Acme Trading Limited\"}");
    String csv =
        """
        name,email,phone
        张三,Zhang.Wei@Example.com,
        李四,,+86 139 1234 5678
        华信科技有限公司,,
        章伟,,
        Acme Trading Limited.,,
        刘洋,liu.yang@example.com,
        刘阳阳,LIU.YANG@example.com,
        马云飞,,
        """;
    String location =
        upload(admin, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), null)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location)
        .andExpect(jsonPath("$.imported").value(2))
        .andExpect(jsonPath("$.duplicates").value(6))
        .andExpect(jsonPath("$.awaitingDecision").value(6));
    assertThat(names(admin))
        .containsExactlyInAnyOrder("张伟", "李娜", "華信科技有限公司", "Acme Trading Limited", "刘洋", "马云飞");

    String newLiuYang =
        JsonPath.read(
            mvc.perform(
                    get("/api/v1/customers")
                        .param("q", "刘洋")
                        .header("Authorization", admin.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.items[0].id");
    mvc.perform(get(location + "/duplicates").header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].row", contains(2, 3, 4, 5, 6, 8)))
        .andExpect(jsonPath("$.items[0].reasons", contains("EMAIL")))
        .andExpect(jsonPath("$.items[0].candidate.id").value(zhangWei))
        .andExpect(jsonPath("$.items[0].candidate.name").value("张伟"))
        .andExpect(jsonPath("$.items[0].email").value("Z***@Example.com"))
        .andExpect(jsonPath("$.items[1].reasons", contains("PHONE")))
        .andExpect(jsonPath("$.items[1].candidate.id").value(liNa))
        .andExpect(jsonPath("$.items[2].reasons", hasItem("NAME")))
        .andExpect(jsonPath("$.items[2].candidate.id").value(huaxin))
        .andExpect(jsonPath("$.items[3].reasons", contains("PINYIN")))
        .andExpect(jsonPath("$.items[3].candidate.id").value(zhangWei))
        .andExpect(jsonPath("$.items[4].reasons", contains("SIMILAR_NAME")))
        .andExpect(jsonPath("$.items[4].candidate.id").value(acme))
        .andExpect(jsonPath("$.items[5].reasons", contains("EMAIL")))
        .andExpect(jsonPath("$.items[5].candidate.id").value(newLiuYang));
  }

  @Test
  void decisionsCreateSkipOrMergeHeldRowsAndEachRowIsDecidedOnce() throws Exception {
    String zhangWei =
        create(
            admin, "{\"kind\":\"INDIVIDUAL\",\"name\":\"张伟\",\"email\":\"zhang.wei@example.com\"}");
    String csv =
        """
        name,email,city,tags
        张伟,zhang.wei@example.com,上海,VIP
        張偉,,北京,
        章伟,,广州,
        """;
    String location =
        upload(admin, "dups.csv", csv.getBytes(StandardCharsets.UTF_8), null)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location).andExpect(jsonPath("$.awaitingDecision").value(3));

    mvc.perform(
            post(location + "/decisions")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                [{"row": 2, "action": "MERGE_INTO"}, {"row": 3, "action": "SKIP"}, {"row": 4, "action": "CREATE"}]"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.awaitingDecision").value(0))
        .andExpect(jsonPath("$.imported").value(1))
        .andExpect(jsonPath("$.skipped").value(1))
        .andExpect(jsonPath("$.merged").value(1));

    assertThat(names(admin)).containsExactlyInAnyOrder("张伟", "章伟");
    mvc.perform(get("/api/v1/customers/" + zhangWei).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.city").value("上海"))
        .andExpect(jsonPath("$.tags", contains("VIP")));
    mvc.perform(get("/api/v1/audit-events").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].action").value("MERGE"))
        .andExpect(jsonPath("$.items[0].subjectId").value(zhangWei));

    mvc.perform(
            post(location + "/decisions")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"row\": 4, \"action\": \"CREATE\"}]"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("not-awaiting-decision"));
    assertThat(names(admin)).containsExactlyInAnyOrder("张伟", "章伟");
  }

  @Test
  void anImportIsSeenOnlyByItsCreatorAndOnlyWithTheImportPermission() throws Exception {
    String location =
        upload(admin, "one.csv", "name\n王五\n".getBytes(StandardCharsets.UTF_8), null)
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location);

    Member otherAdmin = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get(location).header("Authorization", otherAdmin.bearer()))
        .andExpect(status().isNotFound());
    Member foreignAdmin = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get(location).header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get(location + "/errors.csv").header("Authorization", foreignAdmin.bearer()))
        .andExpect(status().isNotFound());
    Member sales = workspace.member(Role.SALES);
    mvc.perform(get(location).header("Authorization", sales.bearer()))
        .andExpect(status().isForbidden());
    upload(sales, "one.csv", "name\n赵六\n".getBytes(StandardCharsets.UTF_8), null)
        .andExpect(status().isForbidden());
    mvc.perform(get(location)).andExpect(status().isUnauthorized());
    mvc.perform(
            multipart("/api/v1/customers/import")
                .file(new MockMultipartFile("file", "x.csv", "text/csv", "name\nx\n".getBytes())))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/v1/customers/import")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("file-required"));
    assertThat(names(admin)).containsExactly("王五");
  }

  @Test
  void anImportLeftRunningByAStoppedWorkerIsTakenOverAndGoesOnWhereItStopped() throws Exception {
    Cookie session = logIn(admin);
    String csv = "name\n第一\n第二\n第三\n第四\n";
    String page =
        mvc.perform(
                multipart("/customers/imports")
                    .file(
                        new MockMultipartFile(
                            "file", "resume.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
    // as a worker that settled two rows and then stopped (its node went down) would have left it
    workspace.in(
        () ->
            jdbc.sql(
                    """
            update customer_import set status = 'RUNNING', claim = gen_random_uuid(), rows_done = 2, attempts = 1,
              heartbeat_at = now() - interval '1 hour' where id = ?""")
                .params(id)
                .update());
    // and as the scheduler's row of a job whose node stopped sending heartbeats an hour ago
    workspace.in(
        () ->
            jdbc.sql(
                    """
                    insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                      last_heartbeat, version)
                    values ('customer-import', guanxi_current_workspace() || '/' || ?, now() - interval '1 hour', true,
                      'a-stopped-node', now() - interval '1 hour', 1)""")
                .params(id)
                .update());

    awaitFinished(admin, "/api/v1/customer-imports/" + id)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.processed").value(4));
    assertThat(names(admin)).containsExactlyInAnyOrder("第三", "第四");
  }

  @Test
  void theImportPagesTakeAFileThroughColumnsProgressAndDecisions() throws Exception {
    create(admin, "{\"kind\":\"INDIVIDUAL\",\"name\":\"张伟\"}");
    Cookie session = logIn(admin);
    mvc.perform(get("/customers/imports").cookie(session))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
    byte[] csv = "Kunde,Telefon,城市\n張偉,13812345678,上海\n刘洋,,=1+2\n".getBytes(StandardCharsets.UTF_8);
    String page =
        mvc.perform(
                multipart("/customers/imports")
                    .file(new MockMultipartFile("file", "kunden.csv", "text/csv", csv))
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    mvc.perform(get(page).cookie(session).header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Which column fills which field?")))
        .andExpect(content().string(containsString("name=\"column0\"")))
        .andExpect(
            content()
                .string(
                    containsString("<option value=\"city\" selected=\"selected\">City</option>")));

    mvc.perform(
            post(page + "/mapping")
                .cookie(session)
                .with(csrf())
                .param("column0", "phone")
                .param("column1", "phone"))
        .andExpect(status().isUnprocessableContent());
    mvc.perform(
            post(page + "/mapping")
                .cookie(session)
                .with(csrf())
                .param("column0", "name")
                .param("column1", "phone")
                .param("column2", "city"))
        .andExpect(status().is3xxRedirection());
    String id = page.substring(page.lastIndexOf('/') + 1);
    awaitFinished(admin, "/api/v1/customer-imports/" + id)
        .andExpect(jsonPath("$.imported").value(1));

    mvc.perform(get(page + "/progress").cookie(session))
        .andExpect(status().isOk())
        .andExpect(header().string("HX-Refresh", "true"));
    mvc.perform(get(page).cookie(session).header("Accept-Language", "zh-CN"))
        .andExpect(content().string(containsString("疑似重复：请您处理")))
        .andExpect(content().string(containsString("名称相同")))
        .andExpect(content().string(containsString("138****5678")))
        .andExpect(content().string(not(containsString("13812345678"))));
    mvc.perform(
            post(page + "/decisions")
                .cookie(session)
                .with(csrf())
                .param("row", "2")
                .param("action", "CREATE"))
        .andExpect(status().is3xxRedirection());
    assertThat(names(admin)).containsExactlyInAnyOrder("张伟", "張偉", "刘洋");
  }

  ResultActions upload(Member member, String fileName, byte[] content, String mapping)
      throws Exception {
    var request =
        multipart("/api/v1/customers/import")
            .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
            .header("Authorization", member.bearer());
    if (mapping != null) {
      request.param("mapping", mapping);
    }
    return mvc.perform(request);
  }

  ResultActions awaitFinished(Member member, String location) throws Exception {
    return ImportJobs.awaitFinished(mvc, member, location);
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

  List<String> names(Member member) throws Exception {
    String json =
        mvc.perform(
                get("/api/v1/customers")
                    .param("limit", "200")
                    .header("Authorization", member.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonPath.read(json, "$.items[*].name");
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

  static byte[] writeTo(XSSFWorkbook book, ByteArrayOutputStream out) throws IOException {
    book.write(out);
    return out.toByteArray();
  }

  static Map<String, String> noMapping() {
    return Map.of();
  }
}
