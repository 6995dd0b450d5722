package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.junit.jupiter.api.Test;

/**
 * A sales rep's deal in a real headless Chromium (Debian's, as in {@link CustomerJourneyTests}):
 * drag the card across the board's stages (htmx, no page reload), mark the deal won with its order
 * placed at once, and find the win and the order on the customer's timeline.
 */
@GuanxiTest
class OpportunityJourneyTests extends BrowserJourney {

  @Test
  void aRepDragsADealAcrossStagesMarksItWonAndTheOrderAppearsOnTheCustomersTimeline() {
    Member rep = workspace.member(Role.SALES);
    String customer = createCustomer(rep, "ORGANIZATION", "华信科技", null);
    idOf(
        api.post(
            "/api/v1/opportunities",
            RequestOptions.create()
                .setHeader("Authorization", rep.bearer())
                .setData(
                    Map.of(
                        "name",
                        "年度水泵采购",
                        "customerId",
                        customer,
                        "amount",
                        120000,
                        "expectedCloseDate",
                        LocalDate.now().plusMonths(1).toString()))));

    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/login");
      signIn(page, rep);

      // 1. The board: the deal waits in the first stage.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("商机").setExact(true))
          .click();
      assertThat(page).hasURL(Pattern.compile(".*/opportunities/board$"));
      Locator first = column(page, "初步接洽 Qualification");
      Locator second = column(page, "需求分析 Needs analysis");
      Locator third = column(page, "方案报价 Proposal");
      Locator card = page.locator(".deal-card", new Page.LocatorOptions().setHasText("年度水泵采购"));
      assertThat(first.locator(".deal-card")).hasCount(1);
      assertThat(card).containsText("10%");
      screenshot(page, "11-board");
      assertAccessible(page, "11-board");

      // 2. Drag it to the next stage, then to the one after: htmx posts each move, no page
      // reload.
      page.evaluate("window.notReloaded = true");
      card.dragTo(second.locator(".cards"));
      assertThat(second.locator(".deal-card")).hasCount(1);
      assertThat(second.locator(".deal-card")).containsText("30%");
      assertThat(first.locator(".deal-card")).hasCount(0);
      assertThat(second.locator(".column-total")).containsText("¥120,000");
      card.dragTo(third.locator(".cards"));
      assertThat(third.locator(".deal-card")).containsText("60%");
      assertThat(second.locator(".deal-card")).hasCount(0);
      assertThat(third.locator(".column-total")).containsText("¥120,000");
      assertThat(second.locator(".column-total")).containsText("¥0");
      assertEquals(true, page.evaluate("window.notReloaded === true"));
      screenshot(page, "12-board-moved");

      // 3. Open the deal and mark it won, placing its order at once.
      third.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("年度水泵采购")).click();
      assertThat(page.locator("#deal-stage")).hasText("方案报价 Proposal");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("赢单").setExact(true))
          .click();
      Locator dialog = page.getByRole(AriaRole.DIALOG);
      assertThat(dialog).isVisible();
      dialog.getByRole(AriaRole.TEXTBOX).fill("技术方案最优");
      dialog.getByRole(AriaRole.COMBOBOX).selectOption(new SelectOption().setLabel("直接下单（已确认）"));
      screenshot(page, "13-win-dialog");
      dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("赢单")).click();
      assertThat(page.locator("#deal-status")).hasText("赢单");
      assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看订单")))
          .isVisible();

      // 4. The customer's timeline shows the win and the placed order.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("华信科技")).click();
      Locator timeline = page.locator(".timeline");
      assertThat(timeline).containsText("商机赢单");
      assertThat(timeline).containsText("年度水泵采购 ¥120,000.00");
      assertThat(timeline).containsText("下单");
      assertThat(
              timeline.getByRole(
                  AriaRole.LINK,
                  new Locator.GetByRoleOptions().setName(Pattern.compile("^SO-000001"))))
          .isVisible();
      assertThat(page.locator("#opportunity-panel")).containsText("赢单");
      screenshot(page, "14-customer-timeline");

      // 5. The forecast shows the win in this month's bar (ECharts draws on a canvas).
      page.navigate(baseUrl() + "/opportunities/forecast");
      assertThat(page.locator("#forecast-chart canvas")).hasCount(1);
      assertThat(page.locator("#win-rate")).hasText("100.0%");
      screenshot(page, "15-forecast");
      assertAccessible(page, "15-forecast");
    }
  }

  private static Locator column(Page page, String stage) {
    return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(stage));
  }
}
