package org.guanxi.crm.orders.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.guanxi.crm.catalogue.Products;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Grants;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.RequestTimes;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast an order import runs next to {@code COPY} of the same rows. Generates N order lines (1
 * to 5 per order, about 3% of orders cancellation invoices, 1% of lines without a customer) for
 * N/10 customers that exist already with their external keys (created first, not timed), imports
 * them through {@code POST /api/v1/orders/import} and waits for the job to finish — lines, products
 * created, customers' lifecycle and timelines — then copies the same orders and lines with {@code
 * COPY} into empty twins of {@code sales_order} and {@code sales_order_line} with the same columns,
 * constraints and indexes, as the table owner, without application logic; and times a customer's
 * revenue (p50, p95) at that size. Prints figures, asserts nothing; skipped unless asked for:
 * {@code ./mvnw test -Dtest=OrderImportBenchmark -Dbenchmark.rows=100000} (at 10,000,000 give the
 * JVM room: {@code -Dtest.heap=10g}).
 */
@GuanxiTest
@TestPropertySource(properties = "guanxi.order-imports.lines-per-batch=10000")
@EnabledIfSystemProperty(named = "benchmark.rows", matches = "\\d+")
class OrderImportBenchmark {

  private static final int CUSTOMERS_PER_TRANSACTION = 10_000;

  @Autowired MockMvc mvc;
  @Autowired Grants grants;
  @Autowired TestWorkspaces workspaces;
  @Autowired Customers customers;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Products products;

  @Autowired
  @Qualifier("migrationDataSource")
  DataSource owner;

  @Test
  void importNextToCopy() throws Exception {
    int rows = Integer.getInteger("benchmark.rows");
    int customerCount = Math.max(1, rows / 10);
    int productCount = Math.max(100, Math.min(10_000, rows / 1_000));
    TestWorkspace workspace = workspaces.create();
    var admin = workspace.member(Role.ADMINISTRATOR);
    CurrentUser actor =
        new CurrentUser(
            workspace.id(),
            admin.id(),
            admin.username(),
            "Test " + admin.username(),
            Set.of(Role.ADMINISTRATOR),
            grants.of(Set.of(Role.ADMINISTRATOR)),
            workspace.headOffice(),
            List.of(workspace.headOffice()),
            null);

    long start = System.nanoTime();
    UUID[] customerIds = new UUID[customerCount];
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    for (int from = 0; from < customerCount; from += CUSTOMERS_PER_TRANSACTION) {
      int first = from;
      int last = Math.min(customerCount, from + CUSTOMERS_PER_TRANSACTION);
      workspace.in(
          () ->
              transaction.execute(
                  status -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    for (int i = first; i < last; i++) {
                      names.put(key(i), "Customer " + i);
                    }
                    customers
                        .createWithExternalKeys(actor, names, CustomerKind.ORGANIZATION, Map.of())
                        .forEach(
                            (key, c) -> customerIds[Integer.parseInt(key.substring(1))] = c.id());
                    return null;
                  }));
    }
    UUID[] productIds = new UUID[productCount];
    List<Products.NewProduct> catalogue = new ArrayList<>();
    for (int i = 0; i < productCount; i++) {
      productIds[i] = Ids.newId();
      catalogue.add(
          new Products.NewProduct(
              productIds[i],
              "P" + i,
              "PRODUCT " + i,
              "pcs",
              BigDecimal.TEN,
              BigDecimal.ZERO,
              "CNY"));
    }
    workspace.in(
        () -> transaction.execute(status -> products.addAll(catalogue, java.time.Instant.now())));
    double customerSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    Path orderRows = Files.createTempFile("orders", ".copy");
    Path lineRows = Files.createTempFile("lines", ".copy");
    ByteArrayOutputStream upload = new ByteArrayOutputStream();
    Random random = new Random(7);
    UUID importId = Ids.newId();
    int imported = 0;
    int generated = 0;
    int orderNumber = 0;
    try (Writer csv =
            new BufferedWriter(
                new OutputStreamWriter(
                    new GZIPOutputStream(upload, 1 << 16), StandardCharsets.UTF_8),
                1 << 16);
        Writer orders = Files.newBufferedWriter(orderRows);
        Writer lines = Files.newBufferedWriter(lineRows)) {
      csv.write(
          "InvoiceNo,InvoiceDate,CustomerID,StockCode,Description,Quantity,UnitPrice,Country\n");
      LocalDate today = LocalDate.of(2026, 11, 1);
      while (generated < rows) {
        orderNumber++;
        boolean isReturn = random.nextInt(100) < 3;
        boolean withoutCustomer = random.nextInt(100) == 0;
        int customer = random.nextInt(customerCount);
        String number = (isReturn ? "C" : "") + orderNumber;
        LocalDate date = today.minusDays(random.nextInt(730));
        int count = Math.min(rows - generated, 1 + random.nextInt(5));
        UUID orderId = Ids.newId();
        BigDecimal amount = BigDecimal.ZERO;
        StringBuilder orderLines = new StringBuilder();
        for (int position = 1; position <= count; position++) {
          int product = random.nextInt(productCount);
          int quantity = 1 + random.nextInt(12);
          BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(5000), 2);
          csv.write(number);
          csv.write(',');
          csv.write(date.toString());
          csv.write(" 10:00:00,");
          csv.write(withoutCustomer ? "" : key(customer));
          csv.write(",P");
          csv.write(Integer.toString(product));
          csv.write(",PRODUCT ");
          csv.write(Integer.toString(product));
          csv.write(',');
          csv.write(Integer.toString(isReturn ? -quantity : quantity));
          csv.write(',');
          csv.write(price.toPlainString());
          csv.write(",China\n");
          BigDecimal lineAmount =
              price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
          amount = amount.add(lineAmount);
          orderLines.append(
              String.join(
                  "\t",
                  workspace.id().toString(),
                  orderId.toString(),
                  Integer.toString(position),
                  productIds[product].toString(),
                  "PRODUCT " + product,
                  Integer.toString(quantity),
                  price.toPlainString(),
                  "0",
                  "0",
                  lineAmount.toPlainString(),
                  "0.00"));
          orderLines.append('\n');
        }
        generated += count;
        if (withoutCustomer) {
          continue;
        }
        imported += count;
        lines.write(orderLines.toString());
        orders.write(
            String.join(
                "\t",
                workspace.id().toString(),
                orderId.toString(),
                number,
                customerIds[customer].toString(),
                "Customer " + customer,
                admin.id().toString(),
                isReturn ? "RETURNED" : "PAID",
                isReturn ? "RETURN" : "SALE",
                date.toString(),
                date.toString(),
                isReturn ? "\\N" : date.toString(),
                "CNY",
                "China",
                amount.toPlainString(),
                "0.00",
                importId.toString(),
                "2026-11-23 00:00:00+00",
                "2026-11-23 00:00:00+00"));
        orders.write('\n');
      }
    }
    double generateSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    String location =
        mvc.perform(
                multipart("/api/v1/orders/import")
                    .file(
                        new MockMultipartFile(
                            "file", "benchmark.csv.gz", "application/gzip", upload.toByteArray()))
                    .param("options", "{\"createCustomers\":true,\"createProducts\":true}")
                    .header("Authorization", admin.bearer()))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    double uploadSeconds = (System.nanoTime() - start) / 1e9;
    upload = null;
    double linesSeconds = 0;
    String job;
    do {
      Thread.sleep(50);
      job =
          mvc.perform(get(location).header("Authorization", admin.bearer()))
              .andReturn()
              .getResponse()
              .getContentAsString();
      if (linesSeconds == 0 && JsonPath.<Integer>read(job, "$.linesProcessed") == rows) {
        linesSeconds = (System.nanoTime() - start) / 1e9;
      }
    } while (!List.of("DONE", "FAILED").contains(JsonPath.<String>read(job, "$.status")));
    double importSeconds = (System.nanoTime() - start) / 1e9;

    List<String> revenueTimes = revenueTimes(admin, customerIds);

    double copySeconds;
    double copyWithKeysSeconds;
    try {
      copySeconds = copy(orderRows, lineRows, false);
      copyWithKeysSeconds = copy(orderRows, lineRows, true);
    } finally {
      Files.deleteIfExists(orderRows);
      Files.deleteIfExists(lineRows);
    }

    System.out.printf(
        "%n%d order lines (%d imported) for %d customers and %d products%n",
        rows, imported, customerCount, productCount);
    System.out.printf(
        "customers (and products) created beforehand: %.1f s (%.0f customers/s); lines generated: %.1f s%n",
        customerSeconds, customerCount / customerSeconds, generateSeconds);
    System.out.printf(
        "import: upload (read, checked, stored) %.1f s, all lines in %.1f s, done %.1f s: %.0f lines/s, %s%n",
        uploadSeconds,
        linesSeconds,
        importSeconds,
        rows / importSeconds,
        JsonPath.read(
                job,
                "$['status','linesImported','ordersCreated','returnsCreated','linesWithoutCustomer','linesRejected','productsCreated','customersSettled']")
            .toString());
    System.out.printf(
        "COPY of the same orders and lines: %.1f s, %.0f lines/s%n",
        copySeconds, imported / copySeconds);
    System.out.printf(
        "COPY into twins that also have the real tables' foreign keys: %.1f s, %.0f lines/s%n",
        copyWithKeysSeconds, imported / copyWithKeysSeconds);
    System.out.printf(
        "import speed / COPY speed: %.0f%% (until all lines were in: %.0f%%); "
            + "against COPY with foreign keys: %.0f%% (%.0f%%)%n%n",
        100 * copySeconds / importSeconds * rows / imported,
        100 * copySeconds / linesSeconds * rows / imported,
        100 * copyWithKeysSeconds / importSeconds * rows / imported,
        100 * copyWithKeysSeconds / linesSeconds * rows / imported);
    System.out.println("| a customer's revenue, after the import | p50 | p95 |");
    System.out.println("|---|---|---|");
    revenueTimes.forEach(System.out::println);
    System.out.println();
  }

  /**
   * Times a customer's revenue as an administrator sees it (the API, all time and one year, and the
   * sales panel of the customer page), each call for another customer picked at random, after
   * {@code analyze} as autovacuum would run it after so many new rows.
   */
  private List<String> revenueTimes(TestWorkspace.Member admin, UUID[] customerIds)
      throws Exception {
    try (Connection connection = owner.getConnection()) {
      connection.createStatement().execute("analyze sales_order; analyze sales_profit_by_day");
    }
    Cookie session = PageLogin.signIn(mvc, admin.username(), TestWorkspace.PASSWORD);
    Random random = new Random(11);
    List<String> times = new ArrayList<>();
    times.add(
        time(
            "revenue API, all time",
            () ->
                get("/api/v1/customers/"
                        + customerIds[random.nextInt(customerIds.length)]
                        + "/revenue")
                    .header("Authorization", admin.bearer())));
    times.add(
        time(
            "revenue API, one year",
            () ->
                get("/api/v1/customers/"
                        + customerIds[random.nextInt(customerIds.length)]
                        + "/revenue?from=2025-11-01&to=2026-10-31")
                    .header("Authorization", admin.bearer())));
    times.add(
        time(
            "customer page's sales panel (revenue and recent orders)",
            () ->
                get("/customers/"
                        + customerIds[random.nextInt(customerIds.length)]
                        + "/sales-panel")
                    .cookie(session)));
    return times;
  }

  private String time(String name, Supplier<MockHttpServletRequestBuilder> request)
      throws Exception {
    return RequestTimes.row(mvc, name, request);
  }

  /**
   * Copies the rows into empty twins of the order tables (same columns, constraints and indexes;
   * with {@code foreignKeys}, the real tables' foreign keys too), as their owner; returns the
   * seconds COPY took.
   */
  private double copy(Path orderRows, Path lineRows, boolean foreignKeys) throws Exception {
    try (Connection connection = owner.getConnection()) {
      connection
          .createStatement()
          .execute(
              "drop table if exists sales_order_line_copy_twin; drop table if exists sales_order_copy_twin; "
                  + "create table sales_order_copy_twin (like sales_order including all); "
                  + "create table sales_order_line_copy_twin (like sales_order_line including all)");
      if (foreignKeys) {
        connection
            .createStatement()
            .execute(
                "alter table sales_order_copy_twin add foreign key (workspace_id) references workspace (id), "
                    + "add foreign key (workspace_id, customer_id) references customer (workspace_id, id), "
                    + "add foreign key (workspace_id, owner_id) references app_user (workspace_id, id); "
                    + "alter table sales_order_line_copy_twin "
                    + "add foreign key (workspace_id, order_id) references sales_order_copy_twin (workspace_id, id), "
                    + "add foreign key (workspace_id, product_id) references product (workspace_id, id)");
      }
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      try (InputStream in = new FileInputStream(orderRows.toFile())) {
        copy.copyIn(
            "copy sales_order_copy_twin (workspace_id, id, number, customer_id, customer_name, owner_id, status, kind, "
                + "order_date, delivered_on, paid_on, currency, country, amount, cost, import_id, created_at, "
                + "updated_at) from stdin",
            in);
      }
      try (InputStream in = new FileInputStream(lineRows.toFile())) {
        copy.copyIn(
            "copy sales_order_line_copy_twin (workspace_id, order_id, position, product_id, description, quantity, "
                + "unit_price, discount_percent, unit_cost, amount, cost) from stdin",
            in);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      connection
          .createStatement()
          .execute("drop table sales_order_line_copy_twin; drop table sales_order_copy_twin");
      return seconds;
    }
  }

  private static String key(int customer) {
    return "K" + customer;
  }
}
