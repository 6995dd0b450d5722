package org.guanxi.crm.customer.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.GuanxiApplication;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the customer record at scale on this machine and prints the figures as a Markdown table.
 * Run with {@code bench/customers [--customers=1000000] [--creates=20000] [--warmup=5000]
 * [--clients=8] [--data-dir=DIR]}: {@code --data-dir} reuses a database (with {@code
 * --customers=0}, nothing more is generated). Never part of the tests.
 */
public final class CustomerBenchmark {

  private static String token = "gx_benchmark_" + UUID.randomUUID();
  private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final List<String[]> results = new ArrayList<>();

  private CustomerBenchmark(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
    int creates = Integer.parseInt(options.getOrDefault("creates", "20000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5000"));
    boolean createsOnly = Boolean.parseBoolean(options.getOrDefault("creates-only", "false"));
    var dataDir =
        options.containsKey("data-dir")
            ? java.nio.file.Path.of(options.get("data-dir"))
            : Files.createTempDirectory("guanxi-benchmark");
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(GuanxiApplication.class)
            .run(
                "--guanxi.data-dir=" + dataDir,
                "--guanxi.demo=true",
                "--guanxi.bootstrap-admin-token=" + token,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--guanxi.database.pool-size=20")) {
      String port = app.getEnvironment().getRequiredProperty("local.server.port");
      CustomerBenchmark benchmark = new CustomerBenchmark("http://127.0.0.1:" + port);
      if (options.containsKey("data-dir")) {
        benchmark.registerToken(app);
      }
      if (customers > 0) {
        benchmark.generate(app, customers);
      }
      benchmark.creates(warmup, clients, 0, false);
      benchmark.creates(creates, clients, warmup, true);
      if (!createsOnly) {
        benchmark.searches();
        benchmark.paging();
      }
      benchmark.print(customers, creates, clients);
    }
  }

  /** A reused database was created with another run's token: give the administrator this run's. */
  private void registerToken(ConfigurableApplicationContext app) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    UUID workspace = jdbc.sql("select guanxi_find_workspace('default')").query(UUID.class).single();
    WorkspaceContext.runIn(
        workspace,
        () -> {
          UUID admin =
              jdbc.sql("select id from app_user where username = 'admin'")
                  .query(UUID.class)
                  .single();
          token =
              app.getBean(org.guanxi.crm.platform.internal.security.ApiTokens.class)
                  .issue(admin, "benchmark")
                  .token();
        });
  }

  private void generate(ConfigurableApplicationContext app, int count) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    UUID workspace = jdbc.sql("select guanxi_find_workspace('default')").query(UUID.class).single();
    long start = System.nanoTime();
    WorkspaceContext.runIn(
        workspace, () -> app.getBean(DemoCustomers.class).generate(count, 42L, done -> {}));
    double seconds = (System.nanoTime() - start) / 1e9;
    results.add(
        new String[] {
          "generate "
              + count
              + " customers (encryption, blind indexes, search keys, batched insert)",
          String.format("%,.0f per second (%.0f s)", count / seconds, seconds)
        });
    WorkspaceContext.runIn(workspace, () -> jdbc.sql("analyze customer").update());
  }

  /**
   * Creates {@code count} customers through the API; the first run only warms the JIT up and is not
   * reported.
   */
  private void creates(int count, int clients, int firstNumber, boolean report) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> work = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int client = c;
      work.add(
          pool.submit(
              () -> {
                int failures = 0;
                for (int i = firstNumber + client; i < firstNumber + count; i += clients) {
                  String body =
                      "{\"kind\":\"INDIVIDUAL\",\"name\":\"压测客户"
                          + i
                          + "\",\"phone\":\"1"
                          + (350000000 + i)
                          + "0\",\"email\":\"bench"
                          + i
                          + "@example.com\",\"city\":\"上海\",\"tags\":[\"benchmark\"]}";
                  if (post("/api/v1/customers", body) != 201) {
                    failures++;
                  }
                }
                return failures;
              }));
    }
    int failures = 0;
    for (Future<Integer> f : work) {
      failures += f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    if (!report) {
      return;
    }
    results.add(
        new String[] {
          "POST /api/v1/customers, " + clients + " concurrent clients, " + count + " customers",
          String.format("%,.0f per second (%d failed)", count / seconds, failures)
        });
  }

  private void searches() throws Exception {
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    queries.put("Chinese name fragment (2 characters)", "张伟");
    queries.put("pinyin fragment", "zhangwei");
    queries.put("pinyin initials", "oyn");
    queries.put("phone, last four digits", "4321");
    queries.put("exact phone number", "13500012340");
    queries.put("exact e-mail address", "bench1234@example.com");
    for (var query : queries.entrySet()) {
      String url =
          "/api/v1/customers?limit=50&q="
              + java.net.URLEncoder.encode(query.getValue(), StandardCharsets.UTF_8);
      results.add(
          new String[] {
            "search: " + query.getKey() + " (`" + query.getValue() + "`)", latency(url, 300)
          });
    }
  }

  private void paging() throws Exception {
    results.add(
        new String[] {
          "list, first page (newest first)", latency("/api/v1/customers?limit=50", 300)
        });
    results.add(
        new String[] {
          "list, first page (by name)", latency("/api/v1/customers?limit=50&sort=NAME", 300)
        });
    for (String sort : List.of("NEWEST", "NAME")) {
      String cursor = null;
      int page = 0;
      for (; page < 2_000; page++) {
        String body =
            get(
                "/api/v1/customers?limit=50&sort="
                    + sort
                    + (cursor == null ? "" : "&cursor=" + cursor));
        Matcher m = CURSOR.matcher(body);
        if (!m.find()) {
          break;
        }
        cursor = m.group(1);
      }
      if (cursor != null) {
        results.add(
            new String[] {
              String.format(
                  "list, page %,d (after row %,d) by %s", page + 1, page * 50, sort.toLowerCase()),
              latency("/api/v1/customers?limit=50&sort=" + sort + "&cursor=" + cursor, 300)
            });
      }
    }
  }

  private String latency(String url, int times) throws Exception {
    for (int i = 0; i < 30; i++) {
      get(url);
    }
    long[] nanos = new long[times];
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      get(url);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return String.format(
        "p50 %.1f ms, p95 %.1f ms", nanos[times / 2] / 1e6, nanos[(int) (times * 0.95)] / 1e6);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private int post(String path, String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private void print(int customers, int creates, int clients) {
    System.out.println();
    System.out.printf(
        "Customers benchmark: %,d generated customers (+%,d created through the API), %d cores, %d MiB max heap, Java %s%n%n",
        customers,
        creates,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    System.out.println("| measure | result |");
    System.out.println("|---|---|");
    results.forEach(r -> System.out.println("| " + r[0] + " | " + r[1] + " |"));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--") && arg.contains("=")) {
        options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
    }
    return options;
  }
}
