package org.guanxi.crm.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.ImportJobs;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.guanxi.crm.support.Versions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@GuanxiTest
class OrderImportTests {

  static final String CREATE_ALL =
      "{\"createCustomers\":true,\"createProducts\":true,\"defaultCurrency\":\"GBP\"}";

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  /**
   * The real Online Retail data (a trimmed copy, imported in batches of 500 lines, so that invoices
   * run over from one batch into the next): counts a user would check, and one customer's revenue
   * worked out from the file itself.
   */
  @Test
  void theOnlineRetailFileImportsEndToEnd() throws Exception {
    byte[] file =
        new ClassPathResource("online-retail/online_retail_sample.csv").getContentAsByteArray();
    String location =
        upload(admin, "online_retail_sample.csv", file, null, CREATE_ALL)
            .andExpect(status().isAccepted())
            .andExpect(header().string("Location", startsWith("/api/v1/order-imports/")))
            .andExpect(jsonPath("$.totalLines").value(3231))
            .andExpect(jsonPath("$.mapping.InvoiceNo").value("orderNumber"))
            .andExpect(jsonPath("$.mapping.StockCode").value("productCode"))
            .andExpect(jsonPath("$.mapping.CustomerID").value("customerKey"))
            .andExpect(jsonPath("$.mapping.Country").value("country"))
            .andReturn()
            .getResponse()
            .getHeader("Location");

    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.linesProcessed").value(3231))
        .andExpect(jsonPath("$.linesImported").value(2069))
        .andExpect(jsonPath("$.ordersCreated").value(117))
        .andExpect(jsonPath("$.returnsCreated").value(64))
        .andExpect(jsonPath("$.linesWithoutCustomer").value(1162))
        .andExpect(jsonPath("$.linesRejected").value(0))
        .andExpect(jsonPath("$.customersCreated").value(94))
        .andExpect(jsonPath("$.productsCreated").value(966))
        .andExpect(jsonPath("$.customersSettled").value(94))
        .andExpect(jsonPath("$.links.report").value(location + "/report.csv"));

    String customer = customerWithKey("15311");
    Revenue expected = revenueInFile(file, "15311");
    mvc.perform(
            get("/api/v1/customers/" + customer + "/revenue")
                .param("currency", "GBP")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revenue").value(expected.sales().subtract(expected.returns())))
        .andExpect(jsonPath("$.returns").value(expected.returns()))
        .andExpect(jsonPath("$.orderCount").value(expected.orders()))
        .andExpect(jsonPath("$.firstOrderDate").value("2010-12-01"));
    assertThat(expected.returns()).isPositive();

    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.externalKey").value("15311"))
        .andExpect(jsonPath("$.name").value("15311"))
        .andExpect(jsonPath("$.ownerId").value(admin.id().toString()))
        .andExpect(jsonPath("$.lifecycleStage").value("LOST"));
    mvc.perform(
            get("/api/v1/customers/" + customer + "/timeline")
                .header("Authorization", admin.bearer()))
        .andExpect(
            jsonPath(
                "$.items[*].kind", hasItems("IMPORTED", "ORDERS_IMPORTED", "LIFECYCLE_CHANGED")))
        .andExpect(
            jsonPath("$.items[?(@.kind == 'ORDERS_IMPORTED')].detail.summary")
                .value(contains("online_retail_sample.csv · 1 (−6) · 2010-12-01 – 2011-01-25")));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .param("status", "RETURNED")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(6))
        .andExpect(jsonPath("$.items[*].kind", everyItem(is("RETURN"))))
        .andExpect(jsonPath("$.items[*].number", everyItem(startsWith("C"))))
        .andExpect(jsonPath("$.items[*].lines[0].quantity", everyItem(greaterThan(0.0))));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .param("status", "PAID")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].number").value("536381"))
        .andExpect(jsonPath("$.items[0].orderDate").value("2010-12-01"))
        .andExpect(jsonPath("$.items[0].paidOn").value("2010-12-01"))
        .andExpect(jsonPath("$.items[0].country").value("United Kingdom"))
        .andExpect(jsonPath("$.items[0].currency").value("GBP"))
        .andExpect(jsonPath("$.items[0].lines.length()").value(35));

    String report = report(admin, location);
    List<String> lines = report.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "\uFEFFLine,Reason,Problem,InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");
    assertThat(lines).hasSize(1 + 1162);
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(line -> assertThat(line).contains(",NO_CUSTOMER,The line names no customer.,"));
    assertThat(report)
        .as("an adjustment of bad debt has no customer: reported, its negative price defused")
        .contains(
            ",NO_CUSTOMER,The line names no customer.,A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,'-11062.06,,United Kingdom");
  }

  @Test
  void cancellationInvoicesAreReturnsAndRevenueIsNetOfThem() throws Exception {
    String csv =
        """
        InvoiceNo,InvoiceDate,CustomerID,StockCode,Description,Quantity,UnitPrice
        1001,2026-01-05,K-1,P-1,Pump,2,100
        1001,2026-01-05,K-1,P-2,Valve,1,50
        C1002,2026-01-09,K-1,P-1,Pump,-1,100
        1003,2026-01-10,K-1,P-2,Valve,-3,50
        """;
    String location =
        upload(admin, "orders.csv", csv.getBytes(StandardCharsets.UTF_8), null, CREATE_ALL)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.ordersCreated").value(1))
        .andExpect(jsonPath("$.returnsCreated").value(2))
        .andExpect(jsonPath("$.linesImported").value(4))
        .andExpect(jsonPath("$.productsCreated").value(2));
    String customer = customerWithKey("K-1");
    mvc.perform(
            get("/api/v1/customers/" + customer + "/revenue")
                .param("currency", "GBP")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.revenue").value(250 - 100 - 150))
        .andExpect(jsonPath("$.returns").value(250))
        .andExpect(jsonPath("$.orderCount").value(1));
    mvc.perform(get("/api/v1/products").param("q", "P-").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].code", contains("P-1", "P-2")))
        .andExpect(jsonPath("$.items[*].name", contains("Pump", "Valve")))
        .andExpect(jsonPath("$.items[0].listPrice").value(100))
        .andExpect(jsonPath("$.items[0].currency").value("GBP"));
  }

  @Test
  void linesWithoutCustomerAndRejectedLinesAreCountedAndReportedNotLost() throws Exception {
    String existing =
        idOf(
            mvc.perform(
                post("/api/v1/customers")
                    .header("Authorization", admin.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"ORGANIZATION\",\"name\":\"华信科技\"}")));
    mvc.perform(
            put("/api/v1/customers/" + existing + "/external-key")
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match",
                    Versions.current(mvc, admin.bearer(), "/api/v1/customers/" + existing))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"externalKey\":\"ERP-7\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.externalKey").value("ERP-7"));
    mvc.perform(
            post("/api/v1/orders")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"customerId\":\"%s\",\"number\":\"2005\",\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1}]}"
                        .formatted(existing)))
        .andExpect(status().isCreated());
    String csv =
        """
        单号,日期,客户编号,货号,品名,数量,单价,币种
        2001,2026-02-01,ERP-7,P-9,Pump,2,100,
        2001,2026-02-01,,P-9,Pump,1,100,
        2002,2026-02-30,ERP-7,P-9,Pump,1,100,
        2003,2026-02-02,ERP-7,P-9,Pump,1,-5,
        2001,2026-02-01,ERP-7,P-9,Pump,-1,100,
        2005,2026-02-03,ERP-7,P-9,Pump,1,100,
        2006,2026-02-03,NOBODY,P-9,Pump,1,100,
        2001,2026-02-01,ERP-7,P-9,Pump,1,100,USD
        2007,2026-02-04,ERP-7,,,1,100,
        """;
    String location =
        upload(admin, "订单.csv", csv.getBytes(StandardCharsets.UTF_8), null, null)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.mapping['货号']").value("productCode"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.ordersCreated").value(1))
        .andExpect(jsonPath("$.linesImported").value(1))
        .andExpect(jsonPath("$.linesWithoutCustomer").value(1))
        .andExpect(jsonPath("$.linesRejected").value(7))
        .andExpect(jsonPath("$.customersCreated").value(0))
        .andExpect(jsonPath("$.productsCreated").value(0));

    String report = report(admin, location);
    List<String> lines = report.lines().skip(1).toList();
    assertThat(lines)
        .containsExactly(
            "3,NO_CUSTOMER,The line names no customer.,2001,2026-02-01,,P-9,Pump,1,100,",
            "4,INVALID_DATE,The date cannot be read (check the date format).,2002,2026-02-30,ERP-7,P-9,Pump,1,100,",
            "5,NEGATIVE_UNIT_PRICE,The unit price is negative.,2003,2026-02-02,ERP-7,P-9,Pump,1,'-5,",
            "6,QUANTITY_SIGN,\"A negative quantity in a sale, or a positive one in a return.\",2001,2026-02-01,ERP-7,P-9,Pump,'-1,100,",
            "7,ORDER_EXISTS,An order with this number exists already (not from this import).,2005,2026-02-03,ERP-7,P-9,Pump,1,100,",
            "8,UNKNOWN_CUSTOMER,\"No customer has this key, and the import does not create customers.\",2006,2026-02-03,NOBODY,P-9,Pump,1,100,",
            "9,OTHER_CURRENCY,The line is in another currency than its order's other lines.,2001,2026-02-01,ERP-7,P-9,Pump,1,100,USD",
            "10,NO_PRODUCT,The line has neither a product code nor a description.,2007,2026-02-04,ERP-7,,,1,100,");
    String chinese =
        mvc.perform(
                get(location + "/report.csv")
                    .header("Authorization", admin.bearer())
                    .header("Accept-Language", "zh-CN"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(chinese).startsWith("\uFEFF行号,原因代码,问题,单号").contains("该行没有客户。");

    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", existing)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].number", containsInAnyOrder("2001", "2005")))
        .andExpect(jsonPath("$.items[?(@.number == '2001')].customerName").value(contains("华信科技")))
        .andExpect(jsonPath("$.items[?(@.number == '2001')].amount").value(contains(200.0)))
        .andExpect(
            jsonPath("$.items[?(@.number == '2001')].lines[0].productId")
                .value(contains(nullValue())))
        .andExpect(jsonPath("$.items[?(@.number == '2001')].currency").value(contains("CNY")));
  }

  @Test
  void aChineseGbkFileAndAUtf8FileWithAByteOrderMarkAreRead() throws Exception {
    String csv =
        "订单号,订单日期,客户编号,客户名称,产品编码,产品名称,数量,单价\r\n"
            + "SO-1,2026/3/1,C-88,杭州瑞丰食品有限公司,M-1,龙井茶,3,88.5\r\n"
            + "SO-1,2026/3/1,C-88,杭州瑞丰食品有限公司,M-2,碧螺春,1,120\r\n";
    String gbk =
        upload(admin, "订单.csv", csv.getBytes(Charset.forName("GBK")), null, CREATE_ALL)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.fileName").value("订单.csv"))
            .andExpect(jsonPath("$.headers[0]").value("订单号"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, gbk)
        .andExpect(jsonPath("$.ordersCreated").value(1))
        .andExpect(jsonPath("$.customersCreated").value(1));
    String customer = customerWithKey("C-88");
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.name").value("杭州瑞丰食品有限公司"))
        .andExpect(jsonPath("$.kind").value("ORGANIZATION"));
    mvc.perform(get("/api/v1/products").param("q", "M-").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].name", contains("龙井茶", "碧螺春")));

    byte[] text =
        ("Order No;Date;Customer ID;SKU;Qty;Price\n" + "BOM-1;2026-03-02 10:15;C-88;M-1;2;88.5\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(text, 0, withBom, 3, text.length);
    String bom =
        upload(admin, "bom.csv", withBom, null, null)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.headers[0]").value("Order No"))
            .andExpect(jsonPath("$.mapping['Order No']").value("orderNumber"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, bom).andExpect(jsonPath("$.ordersCreated").value(1));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].number", contains("BOM-1", "SO-1")))
        .andExpect(jsonPath("$.items[0].lines[0].description").value("龙井茶"))
        .andExpect(jsonPath("$.items[0].amount").value(177.0));
  }

  @Test
  void aGzipCompressedFileWithItsOwnColumnsAndDatesIsRead() throws Exception {
    String csv =
        """
        Ref,When,Client,Item,Units,Each,Cost,Off
        R-1,31/12/2025,Z-1,Z-ITEM,4,10,6,25%
        """;
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    String location =
        upload(
                admin,
                "orders.csv.gz",
                gzip.toByteArray(),
                "{\"Ref\":\"orderNumber\",\"When\":\"orderDate\",\"Client\":\"customerKey\",\"Item\":\"productCode\","
                    + "\"Units\":\"quantity\",\"Each\":\"unitPrice\",\"Cost\":\"unitCost\",\"Off\":\"discount\"}",
                "{\"dateFormat\":\"dd/MM/yyyy\",\"createCustomers\":true,\"customerKind\":\"INDIVIDUAL\"}")
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location).andExpect(jsonPath("$.ordersCreated").value(1));
    String customer = customerWithKey("Z-1");
    mvc.perform(get("/api/v1/customers/" + customer).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.kind").value("INDIVIDUAL"));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].orderDate").value("2025-12-31"))
        .andExpect(jsonPath("$.items[0].amount").value(30.0))
        .andExpect(jsonPath("$.items[0].cost").value(24.0))
        .andExpect(jsonPath("$.items[0].lines[0].description").value("Z-ITEM"))
        .andExpect(jsonPath("$.items[0].lines[0].discountPercent").value(25.0));
  }

  /** A file as wide as allowed: its lines are imported and reported with all their columns. */
  @Test
  void aFileOfTwoHundredColumnsIsImportedAndReported() throws Exception {
    StringBuilder extra = new StringBuilder();
    for (int column = 9; column <= 200; column++) {
      extra.append(",X").append(column);
    }
    String csv =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Description,Quantity,UnitPrice,Country"
            + extra
            + "\nW-1,2026-01-05,W-CUSTOMER,W-ITEM,Wide,2,5,China"
            + extra
            + "\nW-2,2026-01-05,,W-ITEM,Wide,1,5,China"
            + extra
            + "\n";
    String location =
        upload(
                admin,
                "wide.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                null,
                "{\"createCustomers\":true,\"createProducts\":true}")
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.linesImported").value(1))
        .andExpect(jsonPath("$.linesWithoutCustomer").value(1));
    assertThat(report(admin, location)).contains("W-2").contains(",X199,X200");
  }

  /**
   * The first sheet of an Excel workbook, its cells typed as a spreadsheet types them: date cells
   * in any display format, numbers with grouping or binary noise, a percentage, a customer number
   * and a product code stored as numbers. A blank row is left out; a second sheet is not read.
   */
  @Test
  void anExcelWorkbookIsImportedFromItsFirstSheet() throws Exception {
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CreationHelper help = book.getCreationHelper();
      CellStyle dateTime = book.createCellStyle();
      dateTime.setDataFormat(help.createDataFormat().getFormat("yyyy/m/d h:mm"));
      CellStyle chineseDate = book.createCellStyle();
      chineseDate.setDataFormat(help.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
      CellStyle grouped = book.createCellStyle();
      grouped.setDataFormat(help.createDataFormat().getFormat("#,##0.00"));
      CellStyle percent = book.createCellStyle();
      percent.setDataFormat(help.createDataFormat().getFormat("0%"));
      Sheet sheet = book.createSheet("订单");
      Object[][] rows = {
        {
          "订单号",
          "InvoiceDate",
          "CustomerID",
          "StockCode",
          "Description",
          "Quantity",
          "UnitPrice",
          "Discount"
        },
        {"5001", LocalDateTime.of(2026, 1, 5, 10, 30), 17850, "P-1", "Pump", 2, 1234.5, 0.1},
        {"5001", LocalDateTime.of(2026, 1, 5, 10, 30), 17850, 85123, "Valve", 3, 1.1 * 3, null},
        {},
        {5002, LocalDate.of(2026, 2, 1), "K-2", "P-1", "Pump", 1, 1234.5, null},
        {"C5003", "2026-02-03", 17850, "P-1", "Pump", -1, 1234.5, null},
        {"5004", LocalDate.of(2026, 2, 4), null, "P-1", "Pump", 1, 10, null}
      };
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows[r].length; c++) {
          Object value = rows[r][c];
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof String text) {
            cell.setCellValue(text);
          } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(dateTime);
          } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(chineseDate);
          } else {
            cell.setCellValue(((Number) value).doubleValue());
            if (c == 6) {
              cell.setCellStyle(grouped);
            } else if (c == 7) {
              cell.setCellStyle(percent);
            }
          }
        }
      }
      book.createSheet("notes").createRow(0).createCell(0).setCellValue("not order lines");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      workbook = out.toByteArray();
    }

    String location =
        upload(admin, "orders.xlsx", workbook, null, CREATE_ALL)
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.totalLines").value(5))
            .andExpect(jsonPath("$.mapping.订单号").value("orderNumber"))
            .andExpect(jsonPath("$.mapping.Discount").value("discount"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.linesProcessed").value(5))
        .andExpect(jsonPath("$.linesImported").value(4))
        .andExpect(jsonPath("$.ordersCreated").value(2))
        .andExpect(jsonPath("$.returnsCreated").value(1))
        .andExpect(jsonPath("$.linesWithoutCustomer").value(1))
        .andExpect(jsonPath("$.linesRejected").value(0))
        .andExpect(jsonPath("$.customersCreated").value(2))
        .andExpect(jsonPath("$.productsCreated").value(2));

    String customer = customerWithKey("17850");
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .param("status", "PAID")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].number").value("5001"))
        .andExpect(jsonPath("$.items[0].orderDate").value("2026-01-05"))
        .andExpect(jsonPath("$.items[0].lines[0].unitPrice").value(1234.5))
        .andExpect(jsonPath("$.items[0].lines[0].discountPercent").value(10.0))
        .andExpect(jsonPath("$.items[0].lines[1].unitPrice").value(3.3))
        .andExpect(jsonPath("$.items[0].lines[1].description").value("Valve"));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customer)
                .param("status", "RETURNED")
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].number").value("C5003"))
        .andExpect(jsonPath("$.items[0].orderDate").value("2026-02-03"));
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customerWithKey("K-2"))
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[0].number").value("5002"))
        .andExpect(jsonPath("$.items[0].orderDate").value("2026-02-01"));
    mvc.perform(get("/api/v1/products").param("q", "85123").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].code", contains("85123")));
    assertThat(report(admin, location))
        .contains("7,NO_CUSTOMER,The line names no customer.,5004,2026-02-04,,P-1,Pump,1,10");
  }

  /** An old binary workbook (.xls) is refused with a message that says what to do. */
  @Test
  void anOldExcelWorkbookIsRefused() throws Exception {
    byte[] xls;
    try (HSSFWorkbook book = new HSSFWorkbook()) {
      book.createSheet("orders").createRow(0).createCell(0).setCellValue("InvoiceNo");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      xls = out.toByteArray();
    }
    upload(admin, "orders.xls", xls, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("old-excel-format"))
        .andExpect(jsonPath("$.errors[0].message", containsString(".xlsx")));
    mvc.perform(get("/api/v1/order-imports").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aCellOfFortyMegabytesIsRefusedAtOnceWithTheLineItIsIn() throws Exception {
    byte[] file =
        ("InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n1,2026-01-01,K,P,1,1\n"
                + "2,2026-01-01,K,\""
                + "长".repeat((40 << 20) / 3)
                + "\",1,1\n")
            .getBytes(StandardCharsets.UTF_8);
    upload(admin, "orders.csv", file, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(jsonPath("$.errors[0].code").value("cell-too-large"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(startsWith("Row 3 has a cell of more than 100,000 characters")));
    assertThat(
            workspace.in(
                () -> jdbc.sql("select count(*) from order_import").query(Long.class).single()))
        .isZero();
  }

  @Test
  void malformedFilesAndBadMappingsAreRefusedAndNothingIsKept() throws Exception {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    upload(admin, "orders.csv", garbage, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("file"))
        .andExpect(
            jsonPath("$.errors[0].code").value(anyOf(is("unknown-encoding"), is("not-a-table"))));
    upload(
            admin,
            "orders.csv",
            "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n\"1,2\n3,4\n"
                .getBytes(StandardCharsets.UTF_8),
            null,
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("malformed-csv"));
    upload(admin, "orders.csv", new byte[0], null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("empty-file"));
    upload(
            admin,
            "orders.xlsx",
            "PK\u0003\u0004 a workbook".getBytes(StandardCharsets.ISO_8859_1),
            null,
            null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unreadable-xlsx"));
    byte[] header =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n"
            .getBytes(StandardCharsets.UTF_8);
    upload(admin, "orders.csv", header, null, null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("no-lines"));

    byte[] good =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n1,2026-01-01,K,P,1,1\n"
            .getBytes(StandardCharsets.UTF_8);
    upload(admin, "orders.csv", good, "{not json", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-mapping"));
    upload(admin, "orders.csv", good, "{\"CustomerID\":\"\",\"Quantity\":\"\"}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field", containsInAnyOrder("mapping.customerKey", "mapping.quantity")))
        .andExpect(jsonPath("$.errors[*].code", everyItem(is("not-mapped"))));
    upload(admin, "orders.csv", good, "{\"CustomerID\":\"shoeSize\"}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    upload(admin, "orders.csv", good, "{\"Nope\":\"quantity\"}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("unknown-column"));
    upload(admin, "orders.csv", good, "{\"StockCode\":\"quantity\"}", null)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("field-mapped-twice"));
    upload(
            admin,
            "orders.csv",
            good,
            null,
            "{\"defaultCurrency\":\"yuan\",\"dateFormat\":\"yyyy-MM-dd {\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder("options.defaultCurrency", "options.dateFormat")));
    upload(admin, "orders.csv", good, null, "{\"createCustomer\":true}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-options"));
    upload(admin, "orders.csv", good, null, "[1,2]")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-options"));
    Member manager = workspace.member(Role.MANAGER);
    upload(manager, "orders.csv", good, null, "{\"createProducts\":true}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("options.createProducts"))
        .andExpect(jsonPath("$.errors[0].code").value("not-allowed"));
    mvc.perform(
            post("/api/v1/orders/import")
                .header("Authorization", admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("file-required"));

    mvc.perform(get("/api/v1/order-imports").header("Authorization", admin.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
    assertThat(
            workspace.in(
                () -> jdbc.sql("select count(*) from order_import").query(Long.class).single()))
        .isZero();
  }

  @Test
  void onlyTheImporterWithThePermissionSeesAnImport() throws Exception {
    byte[] good =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n1,2026-01-01,K,P,1,1\n"
            .getBytes(StandardCharsets.UTF_8);
    mvc.perform(
            multipart("/api/v1/orders/import")
                .file(new MockMultipartFile("file", "orders.csv", "text/csv", good)))
        .andExpect(status().isUnauthorized());
    upload(workspace.member(Role.SALES), "orders.csv", good, null, null)
        .andExpect(status().isForbidden());

    String location =
        upload(admin, "orders.csv", good, null, null)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location);
    Member foreign = workspaces.create().member(Role.ADMINISTRATOR);
    mvc.perform(get(location).header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get(location + "/report.csv").header("Authorization", foreign.bearer()))
        .andExpect(status().isNotFound());
    Member colleague = workspace.member(Role.ADMINISTRATOR);
    mvc.perform(get(location).header("Authorization", colleague.bearer()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/order-imports").header("Authorization", colleague.bearer()))
        .andExpect(jsonPath("$.items").isEmpty());
    mvc.perform(get(location).header("Authorization", workspace.member(Role.ANALYST).bearer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void importsArePagedByCursor() throws Exception {
    byte[] good =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n1,2026-01-01,K,P,1,1\n"
            .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      upload(admin, "orders-" + i + ".csv", good, null, null).andExpect(status().isAccepted());
    }
    String first =
        mvc.perform(
                get("/api/v1/order-imports")
                    .param("limit", "2")
                    .header("Authorization", admin.bearer()))
            .andExpect(jsonPath("$.items[*].fileName", contains("orders-2.csv", "orders-1.csv")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            get("/api/v1/order-imports")
                .param("limit", "2")
                .param("cursor", JsonPath.<String>read(first, "$.nextCursor"))
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items[*].fileName", contains("orders-0.csv")))
        .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    mvc.perform(
            get("/api/v1/order-imports")
                .param("cursor", "nonsense")
                .header("Authorization", admin.bearer()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("invalid-cursor"));
  }

  /**
   * As a worker whose node went down after the first batch of 500 lines would have left it
   * (settled, its lines dropped): the import is taken over once its heartbeat is stale, and goes on
   * with the other two batches.
   */
  @Test
  void anImportLeftRunningByAStoppedWorkerIsTakenOverAndGoesOnFromTheNextBatch() throws Exception {
    StringBuilder csv =
        new StringBuilder("InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n");
    for (int i = 1; i <= 1200; i++) {
      csv.append("N").append(i).append(",2026-05-01,K").append(i % 10).append(",P,1,2\n");
    }
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    String page =
        mvc.perform(
                multipart("/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "resume.csv",
                            "text/csv",
                            csv.toString().getBytes(StandardCharsets.UTF_8)))
                    .cookie(session)
                    .with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
    workspace.in(
        () ->
            jdbc.sql(
                    """
                    update order_import set status = 'RUNNING', claim = gen_random_uuid(), batches_done = 1,
                      lines_done = 500, attempts = 1, heartbeat_at = now() - interval '1 hour',
                      options = jsonb_set(options, '{createCustomers}', 'true')
                    where id = ? and batches = 3""")
                .params(id)
                .update());
    // and as the scheduler's row of a job whose node stopped sending heartbeats an hour ago
    workspace.in(
        () ->
            jdbc.sql(
                    """
                    insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,
                      last_heartbeat, version)
                    values ('order-import', guanxi_current_workspace() || '/' || ?, now() - interval '1 hour', true,
                      'a-stopped-node', now() - interval '1 hour', 1)""")
                .params(id)
                .update());
    workspace.in(
        () ->
            jdbc.sql(
                    "update order_import_batch set lines_enc = null where import_id = ? and number = 0")
                .params(id)
                .update());

    awaitFinished(admin, "/api/v1/order-imports/" + id)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.linesProcessed").value(1200))
        .andExpect(jsonPath("$.ordersCreated").value(700))
        .andExpect(jsonPath("$.customersCreated").value(10))
        .andExpect(jsonPath("$.customersSettled").value(10));
    assertThat(
            workspace.in(
                () ->
                    jdbc.sql("select min(substr(number, 2)::int) from sales_order")
                        .query(Integer.class)
                        .single()))
        .as("the first batch, settled before the stop, is not done again")
        .isEqualTo(501);
  }

  /**
   * A file of three batches is settled on two connections, the first batch on one and the other two
   * on the other; an order with lines in both (at the start, across the first boundary and at the
   * end) comes out whole, whichever writes it first.
   */
  @Test
  void anOrderWithLinesInBothHalvesOfTheFileIsImportedWhole() throws Exception {
    StringBuilder csv =
        new StringBuilder("InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n");
    for (int i = 1; i <= 1200; i++) {
      boolean spanning = i <= 2 || (i >= 499 && i <= 502) || i == 1200;
      csv.append(spanning ? "SPAN,2026-05-01,SPANNER" : "N" + i + ",2026-05-01,K" + i % 50)
          .append(",P")
          .append(i % 7)
          .append(',')
          .append(spanning ? i : 1)
          .append(",2\n");
    }
    String location =
        upload(admin, "span.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, CREATE_ALL)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.linesImported").value(1200))
        .andExpect(jsonPath("$.ordersCreated").value(1200 - 7 + 1))
        .andExpect(jsonPath("$.customersCreated").value(51))
        .andExpect(jsonPath("$.productsCreated").value(7))
        .andExpect(jsonPath("$.customersSettled").value(51));
    int quantities = 1 + 2 + 499 + 500 + 501 + 502 + 1200;
    mvc.perform(
            get("/api/v1/orders")
                .param("customerId", customerWithKey("SPANNER"))
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].number").value("SPAN"))
        .andExpect(jsonPath("$.items[0].lines.length()").value(7))
        .andExpect(jsonPath("$.items[0].lines[*].position", contains(1, 2, 3, 4, 5, 6, 7)))
        .andExpect(
            jsonPath(
                "$.items[0].lines[*].quantity",
                containsInAnyOrder(1.0, 2.0, 499.0, 500.0, 501.0, 502.0, 1200.0)))
        .andExpect(jsonPath("$.items[0].amount").value(2 * quantities));
  }

  /**
   * An imported order may have more lines than an order form takes (200): it is history, so only
   * its owner and notes change, and its lines and totals stay as imported; its lines still cannot.
   */
  @Test
  void anImportedOrderOfMoreLinesThanAFormTakesGetsNotesAndAnotherOwner() throws Exception {
    StringBuilder csv =
        new StringBuilder("InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n");
    for (int i = 1; i <= 250; i++) {
      csv.append("BIG,2026-05-01,K1,P").append(i).append(",1,").append(i).append('\n');
    }
    String location =
        upload(admin, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null, CREATE_ALL)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location).andExpect(jsonPath("$.ordersCreated").value(1));
    var response =
        mvc.perform(
                get("/api/v1/orders")
                    .param("customerId", customerWithKey("K1"))
                    .header("Authorization", admin.bearer()))
            .andExpect(jsonPath("$.items[0].lines.length()").value(250))
            .andReturn()
            .getResponse();
    String order = JsonPath.read(response.getContentAsString(), "$.items[0].id");
    String etag =
        mvc.perform(get("/api/v1/orders/" + order).header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    Member manager = workspace.member(Role.MANAGER);

    mvc.perform(
            patch("/api/v1/orders/" + order)
                .header("Authorization", admin.bearer())
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notes\":\"Year-end review\",\"ownerId\":\"" + manager.id() + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notes").value("Year-end review"))
        .andExpect(jsonPath("$.ownerId").value(manager.id().toString()))
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.lines.length()").value(250))
        .andExpect(jsonPath("$.amount").value(250 * 251 / 2));
    mvc.perform(
            patch("/api/v1/orders/" + order)
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/orders/" + order))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notes\":\"" + "x".repeat(2001) + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("notes"));
    mvc.perform(
            patch("/api/v1/orders/" + order)
                .header("Authorization", admin.bearer())
                .header(
                    "If-Match", Versions.current(mvc, admin.bearer(), "/api/v1/orders/" + order))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\":[{\"description\":\"One\",\"quantity\":1}]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].code").value("order-not-draft"));
    mvc.perform(get("/api/v1/orders/" + order).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.notes").value("Year-end review"))
        .andExpect(jsonPath("$.lines.length()").value(250));
  }

  /**
   * A customer whose orders are spread over a file of three batches is told once: its stage moves
   * once, to where the purchases one by one would have taken it, with one entry for the import.
   */
  @Test
  void purchasesSpreadOverAFileMoveTheLifecycleOnceWithOneTimelineEntry() throws Exception {
    LocalDate recent = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(5);
    StringBuilder csv =
        new StringBuilder("InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n");
    for (int i = 1; i <= 1200; i++) {
      String customer = i % 400 == 0 ? "REGULAR" : "K" + i;
      csv.append("N")
          .append(i)
          .append(',')
          .append(recent)
          .append(',')
          .append(customer)
          .append(",P,1,2\n");
    }
    String location =
        upload(
                admin,
                "spread.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                null,
                CREATE_ALL)
            .andReturn()
            .getResponse()
            .getHeader("Location");
    awaitFinished(admin, location)
        .andExpect(jsonPath("$.status").value("DONE"))
        .andExpect(jsonPath("$.ordersCreated").value(1200))
        .andExpect(jsonPath("$.customersCreated").value(1198))
        .andExpect(jsonPath("$.customersSettled").value(1198));
    String regular = customerWithKey("REGULAR");
    mvc.perform(get("/api/v1/customers/" + regular).header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.lifecycleStage").value("ACTIVE"));
    mvc.perform(
            get("/api/v1/customers/" + regular + "/timeline")
                .header("Authorization", admin.bearer()))
        .andExpect(
            jsonPath(
                "$.items[*].kind",
                containsInAnyOrder("IMPORTED", "LIFECYCLE_CHANGED", "ORDERS_IMPORTED")))
        .andExpect(
            jsonPath("$.items[?(@.kind == 'LIFECYCLE_CHANGED')].detail.from")
                .value(contains("PROSPECT")))
        .andExpect(
            jsonPath("$.items[?(@.kind == 'LIFECYCLE_CHANGED')].detail.to")
                .value(contains("ACTIVE")))
        .andExpect(
            jsonPath("$.items[?(@.kind == 'ORDERS_IMPORTED')].detail.orders").value(contains(3)));
    mvc.perform(
            get("/api/v1/customers/" + customerWithKey("K1"))
                .header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.lifecycleStage").value("NEW"));
  }

  /** Over real HTTP, as a client sends it: the same upload with the same key starts one import. */
  @Test
  void aRepeatedUploadWithTheSameIdempotencyKeyStartsOneImport() throws Exception {
    String csv =
        "InvoiceNo,InvoiceDate,CustomerID,StockCode,Quantity,UnitPrice\n1,2026-01-01,K,P,1,1\n";
    HttpResponse<String> first = overHttp(admin, "k-orders", csv);
    HttpResponse<String> again = overHttp(admin, "k-orders", csv);
    HttpResponse<String> other = overHttp(admin, "k-orders", csv + "2,2026-01-02,K,P,1,1\n");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");
    mvc.perform(get("/api/v1/order-imports").header("Authorization", admin.bearer()))
        .andExpect(jsonPath("$.items.length()").value(1));
  }

  private HttpResponse<String> overHttp(Member member, String key, String csv) throws Exception {
    String boundary = "----guanxi-test-boundary";
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"orders.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders/import"))
                .header("Authorization", member.bearer())
                .header("Idempotency-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  ResultActions upload(
      Member member,
      String name,
      byte[] content,
      @Nullable String mapping,
      @Nullable String options)
      throws Exception {
    MockMultipartHttpServletRequestBuilder request =
        multipart("/api/v1/orders/import")
            .file(new MockMultipartFile("file", name, "text/csv", content));
    if (mapping != null) {
      request.param("mapping", mapping);
    }
    if (options != null) {
      request.param("options", options);
    }
    return mvc.perform(request.header("Authorization", member.bearer()));
  }

  ResultActions awaitFinished(Member member, String location) throws Exception {
    return ImportJobs.awaitFinished(mvc, member, location);
  }

  String report(Member member, String location) throws Exception {
    return mvc.perform(
            get(location + "/report.csv")
                .header("Authorization", member.bearer())
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  String customerWithKey(String key) {
    return workspace.in(
        () ->
            jdbc.sql("select id from customer where external_key = ? and deleted_at is null")
                .param(key)
                .query(UUID.class)
                .single()
                .toString());
  }

  String idOf(ResultActions created) throws Exception {
    return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
  }

  /** A customer's sales and returns, worked out from the file line by line, as a user would. */
  record Revenue(BigDecimal sales, BigDecimal returns, long orders) {}

  static Revenue revenueInFile(byte[] file, String customerId) throws Exception {
    BigDecimal sales = BigDecimal.ZERO;
    BigDecimal returns = BigDecimal.ZERO;
    java.util.Set<String> invoices = new java.util.HashSet<>();
    for (CSVRecord line :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(new StringReader(new String(file, StandardCharsets.UTF_8)))) {
      if (!line.get("CustomerID").equals(customerId)) {
        continue;
      }
      BigDecimal amount =
          new BigDecimal(line.get("Quantity"))
              .abs()
              .multiply(new BigDecimal(line.get("UnitPrice")))
              .setScale(2, RoundingMode.HALF_UP);
      if (line.get("InvoiceNo").startsWith("C")) {
        returns = returns.add(amount);
      } else {
        sales = sales.add(amount);
        invoices.add(line.get("InvoiceNo"));
      }
    }
    return new Revenue(sales, returns, invoices.size());
  }
}
