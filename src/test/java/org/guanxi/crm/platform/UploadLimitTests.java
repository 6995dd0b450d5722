package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.HeadlessChromium;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A file over the upload limit, sent to a real server: the servlet container refuses it while it
 * reads the request, before any controller is chosen, so neither an import API nor an import page
 * sees it. The API answers with a problem, the page with a message above its form; nothing is
 * imported. The limits are small here so that a small file exceeds them; the context is closed
 * after the class, as no other test shares these limits.
 */
@GuanxiTest
@TestPropertySource(
    properties = {
      "spring.servlet.multipart.max-file-size=1KB",
      "spring.servlet.multipart.max-request-size=2KB"
    })
@DirtiesContext
class UploadLimitTests {

  static final String BOUNDARY = "----guanxi-upload-limit";
  static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  @LocalServerPort int port;
  @Autowired TestWorkspaces workspaces;
  @Autowired JdbcClient jdbc;

  TestWorkspace workspace;
  Member admin;

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    admin = workspace.member(Role.ADMINISTRATOR);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/customers/import", "/api/v1/leads/import", "/api/v1/orders/import"})
  void anApiUploadOverTheLimitIsAProblemWith413(String path) throws Exception {
    // over the file limit only (1.5 KB), and over the request limit too (3 KB)
    for (int size : new int[] {1_500, 3_000}) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Authorization", admin.bearer())
                  .header("Accept", "application/json"),
              multipart(Map.of(), bigCsv(size)));

      assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(413);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.body())
          .contains("\"code\":\"file-too-large\"")
          .contains("urn:guanxi:problem:file-too-large")
          .contains("The file is larger than the upload limit of 1 KB.");
    }
    assertThat(imported()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/customers/import", "/api/v1/orders/import"})
  void anOversizeUploadWithAnIdempotencyKeyIsTheSameProblemAndIsNotKept(String path)
      throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Authorization", admin.bearer())
                  .header("Idempotency-Key", "too-large-" + path),
              multipart(Map.of(), bigCsv(3_000)));
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.body()).contains("\"code\":\"file-too-large\"");
    }
    assertThat(imported()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/customers/import", "/api/v1/orders/import"})
  void anOversizeUploadWithoutATokenIsStillUnauthorized(String path) throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri(path)), multipart(Map.of(), bigCsv(3_000)));
    assertThat(response.statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/customers/imports", "/orders/import", "/leads/import"})
  void aPageUploadOverTheLimitLeadsBackToTheFormWithAMessage(String path) throws Exception {
    HttpClient browser = signedIn(admin);
    String csrf = csrfOf(get(browser, path).body());

    HttpResponse<String> response =
        send(
            browser,
            HttpRequest.newBuilder(uri(path)).header("Accept", "text/html"),
            multipart(Map.of("_csrf", csrf), bigCsv(3_000)));

    assertThat(response.statusCode()).isEqualTo(303);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(URI.create(location).getPath()).isEqualTo(path);
    HttpResponse<String> form = get(browser, location);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("role=\"alert\"")
        .contains("The file is larger than the upload limit of 1 KB; nothing was imported.");
    // shown once: the form loaded again is clean
    assertThat(get(browser, path).body())
        .doesNotContain("The file is larger than the upload limit");
    assertThat(imported()).isZero();
  }

  /**
   * Far over the limit (more than Tomcat's default of 2 MB that it reads past the limit): the
   * server reads the rest (server.tomcat.max-swallow-size), so that a browser sees the form with
   * the message rather than a reset connection, and the API caller its problem.
   */
  @Test
  void aFileFarOverTheLimitStillGetsAnAnswerABrowserShows() throws Exception {
    byte[] huge = bigCsv(8_000_000);
    HttpResponse<String> api =
        send(
            HttpRequest.newBuilder(uri("/api/v1/orders/import"))
                .header("Authorization", admin.bearer()),
            multipart(Map.of(), huge));
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.body()).contains("\"code\":\"file-too-large\"");

    Path file = Files.createTempFile("huge", ".csv");
    try (Playwright playwright = HeadlessChromium.playwright()) {
      Files.write(file, huge);
      Browser browser = HeadlessChromium.launch(playwright);
      Page page =
          browser
              .newContext(
                  new Browser.NewContextOptions()
                      .setLocale("en")
                      .setExtraHTTPHeaders(Map.of("Accept-Language", "en")))
              .newPage();
      page.navigate(uri("/login").toString());
      page.getByLabel("User name").fill(admin.username());
      page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
          .fill(TestWorkspace.PASSWORD);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
      page.waitForURL(uri("/").toString());
      page.navigate(uri("/orders/import").toString());
      page.locator("input[type=file]").setInputFiles(file);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

      PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
          .containsText("The file is larger than the upload limit of 1 KB");
      PlaywrightAssertions.assertThat(
              page.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import orders")))
          .isVisible();
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(imported()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/customers/imports", "/orders/import"})
  void theMessageFollowsTheLanguage(String path) throws Exception {
    HttpClient browser = signedIn(admin);
    String csrf = csrfOf(get(browser, path).body());
    HttpResponse<String> response =
        send(
            browser,
            HttpRequest.newBuilder(uri(path)).header("Accept-Language", "zh-CN"),
            multipart(Map.of("_csrf", csrf), bigCsv(3_000)));
    assertThat(response.statusCode()).isEqualTo(303);
    String page =
        send(
                browser,
                HttpRequest.newBuilder(uri(response.headers().firstValue("Location").orElseThrow()))
                    .header("Accept-Language", "zh-CN")
                    .GET())
            .body();
    assertThat(page).contains("文件超过了上传上限 1 KB，未导入任何数据。");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v1/customers/import", "/api/v1/leads/import"})
  void aFileUnderTheLimitStillGoesThrough(String path) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path)).header("Authorization", admin.bearer()),
            multipart(Map.of(), "name\n张三\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(response.statusCode()).isBetween(200, 299);
  }

  private long imported() {
    return workspace.in(
        () ->
            jdbc.sql(
                    "select (select count(*) from customer_import) + (select count(*) from"
                        + " sales_lead_import) + (select count(*) from order_import)")
                .query(Long.class)
                .single());
  }

  /** A CSV file of customer names, larger than the test's limit of 1 KB. */
  private static byte[] bigCsv(int bytes) {
    StringBuilder csv = new StringBuilder("name\n");
    for (int i = 0; csv.length() < bytes; i++) {
      csv.append("customer ").append(i).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The form's fields, then the file in a part named {@code file}, as a browser sends them. */
  private static byte[] multipart(Map<String, String> fields, byte[] file) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (var field : fields.entrySet()) {
      body.write(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(file);
    body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private HttpResponse<String> send(HttpRequest.Builder request, byte[] multipart)
      throws Exception {
    return send(HttpClient.newHttpClient(), request, multipart);
  }

  private static HttpResponse<String> send(
      HttpClient client, HttpRequest.Builder request, byte[] multipart) throws Exception {
    return send(
        client,
        request
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
      throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(HttpClient browser, String pathOrUri) throws Exception {
    URI target = pathOrUri.startsWith("http") ? URI.create(pathOrUri) : uri(pathOrUri);
    return send(browser, HttpRequest.newBuilder(target).header("Accept-Language", "en").GET());
  }

  /** A client that keeps cookies, as a browser does, signed in through the login form. */
  private HttpClient signedIn(Member member) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String csrf = csrfOf(get(browser, "/login").body());
    HttpResponse<String> login =
        send(
            browser,
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + member.username()
                            + "&password="
                            + TestWorkspace.PASSWORD.replace(' ', '+')
                            + "&_csrf="
                            + csrf)));
    assertThat(login.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    return browser;
  }

  private static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    @Nullable String token = m.group(1) != null ? m.group(1) : m.group(2);
    return token;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
