package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.guanxi.crm.support.HeadlessChromium;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.guanxi.crm.support.TestWorkspaces;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every journey shares: Debian's headless Chromium for the test class, a fresh workspace and
 * an API client (to set the scene) for each test, a browser in Chinese, signing in, and screenshots
 * under {@link HeadlessChromium#SCREENSHOTS} for people to look at.
 */
abstract class BrowserJourney {

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;
  @Autowired TestWorkspaces workspaces;

  TestWorkspace workspace;
  APIRequestContext api;

  /** What the browser refused to load or run because of a page's Content-Security-Policy. */
  final List<String> policyViolations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launchChromium() {
    playwright = HeadlessChromium.playwright();
    browser = HeadlessChromium.launch(playwright);
  }

  @AfterAll
  static void closeChromium() {
    if (playwright != null) {
      playwright.close(); // closes the browser too
    }
  }

  @BeforeEach
  void freshWorkspace() {
    workspace = workspaces.create();
    api = playwright.request().newContext(new APIRequest.NewContextOptions().setBaseURL(baseUrl()));
  }

  @AfterEach
  void closeApi() {
    api.dispose();
  }

  /**
   * The pages run under a Content-Security-Policy without inline script or style: a page that needs
   * either would silently lose a feature, which Chromium reports on the console.
   */
  @AfterEach
  void noPageBrokeItsContentSecurityPolicy() {
    assertEquals(List.of(), policyViolations, "Content-Security-Policy violations on the console");
  }

  /** A browser window as a user in mainland China has it: Chinese first, Shanghai time. */
  BrowserContext chineseBrowser() {
    BrowserContext browsing =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
                .setViewportSize(1400, 900));
    browsing.setDefaultTimeout(10_000);
    browsing.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            policyViolations.add(message.location() + ": " + message.text());
          }
        });
    return browsing;
  }

  /** Signs in on the login page the browser was sent to, in Chinese. */
  static void signIn(Page page, Member member) {
    assertThat(page).hasURL(Pattern.compile(".*/login$"));
    field(page, "用户名").fill(member.username());
    page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(TestWorkspace.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出")))
        .isVisible();
  }

  /**
   * A text field by its label, as assistive technology names it (a label's own text would include
   * the content of a textarea inside it).
   */
  static Locator field(Page page, String label) {
    return page.getByRole(
        AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
  }

  /** htmx binds its elements once the page has loaded; typing or clicking before that is lost. */
  static void waitForHtmx(Page page) {
    page.waitForLoadState();
    page.waitForFunction("() => window.htmx !== undefined");
  }

  /** Creates a customer through the API as its owner; returns its id. */
  String createCustomer(Member owner, String kind, String name, @Nullable String phone) {
    Map<String, String> customer = new HashMap<>(Map.of("kind", kind, "name", name));
    if (phone != null) {
      customer.put("phone", phone);
    }
    return idOf(
        api.post(
            "/api/v1/customers",
            RequestOptions.create().setHeader("Authorization", owner.bearer()).setData(customer)));
  }

  static String idOf(APIResponse created) {
    assertEquals(201, created.status(), created::text);
    return com.jayway.jsonpath.JsonPath.read(created.text(), "$.id");
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(HeadlessChromium.SCREENSHOTS.resolve(name + ".png"))
            .setFullPage(true));
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  static final int PHONE_WIDTH = 390;

  /** A phone's browser: 390 × 844, touch, in Chinese, with the same watch on the page policy. */
  BrowserContext phoneBrowser() {
    BrowserContext browsing =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai")
                .setExtraHTTPHeaders(Map.of("Accept-Language", "zh-CN,zh;q=0.9"))
                .setViewportSize(PHONE_WIDTH, 844)
                .setIsMobile(true)
                .setHasTouch(true));
    browsing.setDefaultTimeout(10_000);
    browsing.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            policyViolations.add(message.location() + ": " + message.text());
          }
        });
    return browsing;
  }

  /** The page scrolls only up and down on a phone: nothing is wider than the screen. */
  static void assertFitsTheScreen(Page page, String what) {
    int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    assertTrue(width <= PHONE_WIDTH, what + " is " + width + " px wide on a 390 px screen");
  }

  /**
   * axe-core's rules, run in the page as it is now: no violation of critical or serious impact (the
   * script comes with the test dependency; nothing is downloaded).
   */
  static void assertAccessible(Page page, String what) {
    List<String> violations =
        new com.deque.html.axecore.playwright.AxeBuilder(page)
            .analyze().getViolations().stream()
                .filter(v -> "critical".equals(v.getImpact()) || "serious".equals(v.getImpact()))
                .map(
                    v ->
                        v.getImpact()
                            + " "
                            + v.getId()
                            + ": "
                            + v.getHelp()
                            + " at "
                            + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .limit(3)
                                .toList())
                .toList();
    assertEquals(List.of(), violations, "accessibility of " + what);
  }
}
