package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.guanxi.crm.customer.internal.TestPoolCheck;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The customer pool (公海) in a real headless Chromium (Debian's, as in {@link
 * CustomerJourneyTests}): customers their owner did not follow up return to the team's pool when
 * the pool check runs; a rep signs in, finds one in the pool without its personal data, claims it
 * with the row's button (htmx, no page reload), finds it among their customers and the claim on its
 * timeline; a second rep, at the claim limit, is told so in words.
 */
@GuanxiTest
class PoolJourneyTests extends BrowserJourney {

  static final String PHONE = "13700001234";

  @Autowired ApplicationContext context;
  @Autowired Clock clock;

  @Test
  void aRepClaimsACustomerNobodyFollowedUpAndARepAtTheLimitIsToldSo() {
    var east = workspace.team("华东销售部", null);
    Member admin = workspace.member(Role.ADMINISTRATOR);
    Member owner = workspace.member(Role.SALES, east);
    Member rep = workspace.member(Role.SALES, east);
    Member busyRep = workspace.member(Role.SALES, east);

    // The pool is on: a customer not followed up for 30 days returns; a rep claims while owning
    // fewer than one customer.
    put(
        admin,
        "/api/v1/customer-pool-settings",
        Map.of("returnAfterDays", 30, "claimLimit", 1, "keyAccountsExempt", true));
    createCustomer(owner, "ORGANIZATION", "星光传媒", PHONE);
    createCustomer(owner, "ORGANIZATION", "海天食品", null);

    // A month on, the hourly check finds that the owner has done nothing with either.
    int returned =
        TestPoolCheck.returnOverdue(context, workspace, clock.instant().plus(Duration.ofDays(31)));
    assertEquals(2, returned, "both customers of the owner return to the pool");
    createCustomer(
        busyRep, "ORGANIZATION", "已有客户", null); // the second rep is at the limit from now on

    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();

      // 1. The rep signs in and opens the pool from the menu.
      page.navigate(baseUrl() + "/pool");
      signIn(page, rep);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("公海").setExact(true))
          .click();
      assertThat(page).hasURL(Pattern.compile(".*/pool$"));
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("公海客户")))
          .isVisible();
      Locator row = poolRow(page, "星光传媒");
      assertThat(row).containsText("华东销售部");
      assertThat(row).containsText("未跟进");
      assertThat(row).containsText("Test " + owner.username());
      assertFalse(page.content().contains(PHONE), "the pool shows no personal data");
      assertFalse(page.content().contains("137****1234"), "not even masked");
      screenshot(page, "pool-01-the-pool");
      assertAccessible(page, "pool-01-the-pool");

      // 2. Claim it with the row's button: the row says so in place, the page is not loaded again.
      waitForHtmx(page);
      page.evaluate("() => { window.poolJourneyPage = 'still here'; }");
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("领取")).click();
      Locator outcome = page.getByRole(AriaRole.STATUS).filter(hasText("星光传媒 现在归你所有。"));
      assertThat(outcome).isVisible();
      assertEquals("still here", page.evaluate("() => window.poolJourneyPage"), "no reload");
      assertThat(page).hasURL(Pattern.compile(".*/pool$"));
      assertThat(poolRow(page, "海天食品")).isVisible(); // the rest of the list stays
      screenshot(page, "pool-02-claimed");

      // 3. It is among the rep's customers, with its phone masked as any customer's.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("客户").setExact(true))
          .click();
      Locator rows = page.locator("#customer-rows");
      Locator mine =
          rows.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("星光传媒"));
      assertThat(mine).containsText("137****1234");
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("海天食品")))
          .hasCount(0);

      // 4. Its timeline tells how it came back and how the rep got it.
      mine.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("星光传媒")).click();
      assertThat(page).hasURL(CustomerJourneyTests.CUSTOMER_PAGE);
      Locator timeline = page.locator(".timeline");
      // (the return is dated a month ahead, when the check ran in this test; the claim is today)
      assertThat(timeline.locator("li").filter(hasText("从公海领取")))
          .containsText("Test " + rep.username());
      assertThat(timeline.locator("li").filter(hasText("退回公海"))).containsText("30 天未跟进");
      screenshot(page, "pool-03-timeline");
    }

    // 5. A rep who already owns as many customers as the limit allows is told so, in place.
    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/pool");
      signIn(page, busyRep);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("公海").setExact(true))
          .click();
      assertThat(page.getByText("你目前拥有 1 个客户；拥有少于 1 个时可以继续领取。")).isVisible();
      Locator row = poolRow(page, "海天食品");
      assertThat(poolRow(page, "星光传媒")).hasCount(0); // claimed: no longer in the pool
      waitForHtmx(page);
      row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("领取")).click();
      assertThat(page.getByRole(AriaRole.STATUS).filter(hasText("达到领取上限")))
          .hasText("无法继续领取：你已拥有 1 个或更多客户，达到领取上限。请先释放客户。");
      assertThat(page).hasURL(Pattern.compile(".*/pool$"));
      assertThat(row).isVisible(); // still in the pool, to be claimed once the rep has room
      screenshot(page, "pool-04-claim-limit");

      page.navigate(baseUrl() + "/customers");
      assertThat(
              page.locator("#customer-rows")
                  .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("海天食品")))
          .hasCount(0);
    }
  }

  /** The pool's row of a customer, by its name. */
  private static Locator poolRow(Page page, String name) {
    return page.locator("#pool-rows")
        .getByRole(AriaRole.ROW)
        .filter(new Locator.FilterOptions().setHasText(name));
  }

  private static Locator.FilterOptions hasText(String text) {
    return new Locator.FilterOptions().setHasText(text);
  }

  /** Changes a record through the API as a client does: with the version it read. */
  private void put(Member member, String path, Map<String, Object> body) {
    String version =
        api.get(path, RequestOptions.create().setHeader("Authorization", member.bearer()))
            .headers()
            .get("etag");
    APIResponse response =
        api.put(
            path,
            RequestOptions.create()
                .setHeader("Authorization", member.bearer())
                .setHeader("If-Match", version)
                .setData(body));
    assertEquals(200, response.status(), response::text);
  }
}
