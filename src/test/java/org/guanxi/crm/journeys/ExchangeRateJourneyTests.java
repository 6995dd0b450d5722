package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.junit.jupiter.api.Test;

/**
 * An administrator keeps the exchange rates on a phone (390 px wide, in Chinese): the page and the
 * form of a rate fit the screen without scrolling sideways.
 */
@GuanxiTest
class ExchangeRateJourneyTests extends BrowserJourney {

  @Test
  void anAdministratorAddsARateOnAPhoneWithoutScrollingSideways() {
    Member admin = workspace.member(Role.ADMINISTRATOR);
    try (BrowserContext browsing = phoneBrowser()) {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/admin/exchange-rates");
      signIn(page, admin);
      page.navigate(baseUrl() + "/admin/exchange-rates");
      assertThat(
              page.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("汇率").setExact(true)))
          .isVisible();
      assertFitsTheScreen(page, "the exchange rates page");

      field(page, "币种").fill("GBP");
      page.getByLabel("生效日期").fill("2026-01-01");
      field(page, "汇率：1 单位该币种折合多少 CNY").fill("9.1234");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加汇率")).click();
      assertThat(page.getByText("汇率已添加。")).isVisible();
      assertThat(page.locator("table.rates")).containsText("9.1234 CNY");
      assertFitsTheScreen(page, "the page with a rate");
      screenshot(page, "exchange-rates-phone");

      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("修改").setExact(true))
          .click();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除汇率")))
          .isVisible();
      assertFitsTheScreen(page, "the form of a rate");
    }
  }
}
