package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.junit.jupiter.api.Test;

/**
 * A user's journey through the customer pages in a real headless Chromium (Debian's {@code
 * /usr/bin/chromium}; Playwright downloads no browser): sign in, create a customer, find it live by
 * part of its Chinese name and by pinyin, edit it, meet the conflict message on a stale copy,
 * switch to English, and see a sales rep's view (masked in the list, in full on an own customer's
 * page). Screenshots land in {@code target/journey-screenshots/} for people to look at; nothing
 * asserts on pixels.
 */
@GuanxiTest
class CustomerJourneyTests extends BrowserJourney {

  static final Pattern CUSTOMER_PAGE = Pattern.compile(".*/customers/[0-9a-f-]{36}$");

  @Test
  void aManagerCreatesFindsAndEditsACustomerAndARepSeesItsPhoneMasked() {
    Member manager = workspace.member(Role.MANAGER);
    createCustomer(
        manager,
        "INDIVIDUAL",
        "张伟",
        "13900001111"); // another customer, so that the search visibly narrows the list
    String name = "欧阳娜娜";

    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();

      // 1. Sign in through the login form, in simplified Chinese because the browser asks for
      // zh-CN.
      page.navigate(baseUrl() + "/customers");
      assertThat(page).hasURL(Pattern.compile(".*/login$"));
      assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("登录关系 CRM")))
          .isVisible();
      signIn(page, manager);
      assertThat(
              page.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("客户").setExact(true)))
          .isVisible();

      // 2. Create a customer through the form.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建客户")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("新建客户")))
          .isVisible();
      field(page, "名称").fill(name);
      page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("类型").setExact(true))
          .selectOption(new SelectOption().setLabel("个人"));
      field(page, "城市").fill("上海");
      field(page, "电话").fill("13812345678");
      screenshot(page, "01-new-customer-form");
      assertAccessible(page, "01-new-customer-form");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();

      assertThat(page).hasURL(CUSTOMER_PAGE);
      String customerPage = page.url();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
          .containsText(name);
      assertThat(profileValue(page, "城市")).hasText("上海");
      // the owner sees the phone in full, to call it, and the view is audited
      assertThat(phone(page)).hasText("13812345678");
      assertThat(phone(page).locator("a")).hasAttribute("href", "tel:13812345678");
      assertThat(page.getByText("已显示完整信息，本次查看已记入审计日志。")).isVisible();
      screenshot(page, "02-customer-created-and-revealed");

      // 3. Find it live (htmx, no Enter) by two of its characters, by pinyin initials and by full
      // pinyin.
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("客户").setExact(true))
          .click();
      Locator rows = page.locator("#customer-rows");
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)))
          .isVisible();
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("张伟")))
          .isVisible();
      Locator search =
          page.getByRole(
              AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("搜索").setExact(true));
      expectOnly(rows, search, "阳娜", name, "张伟");
      screenshot(page, "03-live-search");
      assertAccessible(page, "03-live-search");
      assertThat(page.locator("table tbody"))
          .hasCount(1); // the results replace the rows, not nest a second table body
      expectOnly(rows, search, "zw", "张伟", name);
      expectOnly(rows, search, "oynn", name, "张伟");
      expectOnly(rows, search, "zhangwei", "张伟", name);
      expectOnly(rows, search, "ouyangnana", name, "张伟");
      // the results came without loading another page, and the address keeps the search
      assertThat(page).hasURL(Pattern.compile(".*/customers\\?q=ouyangnana(&deleted=false)?$"));
      assertThat(rows.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)))
          .containsText("138****5678");

      // Back from a customer's page shows the list as it was searched.
      rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
      assertThat(page).hasURL(CUSTOMER_PAGE);
      page.goBack();
      assertThat(search).hasValue("ouyangnana");
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)))
          .isVisible();
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("张伟")))
          .hasCount(0);

      // 4. Edit it: change the city.
      rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("编辑客户")).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("编辑客户")))
          .isVisible();
      assertThat(field(page, "名称")).hasValue(name);
      field(page, "城市").fill("杭州");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
      assertThat(page).hasURL(customerPage);
      assertThat(profileValue(page, "城市")).hasText("杭州");
      assertThat(page.locator(".timeline")).containsText("修改");

      // 5. A stale copy: two tabs open the form; the first saves; the second gets the conflict
      // message, keeps its
      //    input, and overwrites nothing.
      Page first = page;
      Page second = browsing.newPage();
      first.navigate(customerPage + "/edit");
      second.navigate(customerPage + "/edit");
      field(first, "城市").fill("苏州");
      first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
      assertThat(profileValue(first, "城市")).hasText("苏州");

      field(second, "城市").fill("南京");
      field(second, "偏好").fill("喜欢喝龙井茶");
      second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
      Locator conflict = second.getByRole(AriaRole.ALERT);
      assertThat(conflict).containsText("在您编辑期间，其他人修改了该客户。");
      assertThat(conflict).containsText("您的修改尚未保存，仍保留在下面的表单中。");
      assertThat(field(second, "城市")).hasValue("南京");
      assertThat(field(second, "偏好")).hasValue("喜欢喝龙井茶");
      screenshot(second, "04-conflict");
      Page latest =
          second.waitForPopup(
              () ->
                  conflict
                      .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看最新版本"))
                      .click());
      assertThat(profileValue(latest, "城市")).hasText("苏州");
      assertThat(profileValue(latest, "偏好")).hasText("");
      latest.close();

      //    Having seen the latest version, the user saves again, knowingly, and now the change goes
      // through.
      second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
      assertThat(second.getByRole(AriaRole.ALERT)).hasCount(0);
      assertThat(profileValue(second, "城市")).hasText("南京");
      assertThat(profileValue(second, "偏好")).hasText("喜欢喝龙井茶");
      second.close();

      // 6. Switch to English with the link at the top.
      first.navigate(customerPage);
      first
          .getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Language"))
          .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("English"))
          .click();
      assertThat(first.locator("html")).hasAttribute("lang", "en");
      assertThat(
              first.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit customer")))
          .isVisible();
      assertThat(
              first.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personal data")))
          .isVisible();
      assertThat(profileValue(first, "City")).hasText("南京");
      first
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customers").setExact(true))
          .click();
      assertThat(
              first.getByRole(
                  AriaRole.HEADING,
                  new Page.GetByRoleOptions().setName("Customers").setExact(true)))
          .isVisible();
      assertThat(
              first.getByRole(
                  AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search").setExact(true)))
          .isVisible();
      screenshot(first, "05-english");
    }

    // 7. A sales rep sees the phone numbers masked in the list, and in full (to call) on the page
    //    of their own customer, without a reveal button.
    Member rep = workspace.member(Role.SALES);
    createCustomer(rep, "INDIVIDUAL", "李雷", "138 1234 5678");
    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/login");
      signIn(page, rep);
      page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("客户").setExact(true))
          .click();
      Locator rows = page.locator("#customer-rows");
      Locator row =
          rows.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("李雷"));
      assertThat(row).containsText("138****5678");
      assertThat(rows).not().containsText(name); // the manager's customer is not the rep's
      assertFalse(
          page.content().contains("12345678"), "the list must not carry the full phone number");
      row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("李雷")).click();
      assertThat(page).hasURL(CUSTOMER_PAGE);
      assertThat(phone(page).locator("a")).hasAttribute("href", "tel:13812345678");
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("个人信息")))
          .isVisible();
      assertThat(
              page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看完整信息（将记入审计日志）")))
          .hasCount(0);
      screenshot(page, "06-sales-rep-own-customer");
    }
  }

  @Test
  void theMoreButtonAddsTheNextPageToTheSameList() {
    Member rep = workspace.member(Role.SALES);
    for (int i = 1; i <= 51; i++) { // one more than a page
      createCustomer(rep, "INDIVIDUAL", "客户%02d".formatted(i), null);
    }
    try (BrowserContext browsing = chineseBrowser()) {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/customers");
      signIn(page, rep);
      Locator rows = page.locator("#customer-rows");
      assertThat(rows.getByRole(AriaRole.LINK)).hasCount(50);
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("客户51")))
          .isVisible();

      waitForHtmx(page); // a click before htmx has bound the button would be lost
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加载更多")).click();
      assertThat(rows.getByRole(AriaRole.LINK)).hasCount(51);
      assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("客户01")))
          .isVisible();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("加载更多")))
          .hasCount(0);
      assertThat(page.locator("table tbody")).hasCount(1);
      assertThat(page.locator("table tbody > tr")).hasCount(51);
    }
  }

  /** Types a query into the search box and waits until exactly the expected customer is listed. */
  private static void expectOnly(
      Locator rows, Locator search, String query, String shown, String hidden) {
    // htmx binds the search box once the page has loaded; typing before that sends nothing
    waitForHtmx(search.page());
    search.fill(query);
    assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(hidden)))
        .hasCount(0);
    assertThat(rows.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(shown)))
        .isVisible();
  }

  /** The value next to a label on the customer page. */
  private static Locator profileValue(Page page, String label) {
    return page.locator(
        "xpath=//dl[contains(@class,'profile')]/dt[normalize-space()='"
            + label
            + "']/following-sibling::dd[1]");
  }

  private static Locator phone(Page page) {
    return page.locator("#personal-data dd[data-field=phone]");
  }
}
