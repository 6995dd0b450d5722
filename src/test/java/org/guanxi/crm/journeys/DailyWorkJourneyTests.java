package org.guanxi.crm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.Role;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.TestWorkspace.Member;
import org.junit.jupiter.api.Test;

/**
 * A sales rep's day in a real headless Chromium, at a desk and on a phone (390 × 844, by touch,
 * every page fitting the screen): the home page shows an overdue task, the customer's page its
 * phone to call, the follow-up written there with a next date becomes a new task, and the overdue
 * one is marked done from the home page.
 */
@GuanxiTest
class DailyWorkJourneyTests extends BrowserJourney {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Test
  void aRepStartsTheDayOnTheHomePageCallsTheCustomerAndWritesTheFollowUp() {
    try (BrowserContext browsing = chineseBrowser()) {
      theRepsDay(browsing, false);
    }
  }

  @Test
  void theSameDayOnAPhoneFitsTheScreenAndWorksByTouch() {
    try (BrowserContext browsing = phoneBrowser()) {
      theRepsDay(browsing, true);
    }
  }

  /** The day of a rep, at a desk or on a phone (there, every page must fit the screen). */
  private void theRepsDay(BrowserContext browsing, boolean phone) {
    String size = phone ? "phone-" : "";
    Member rep = workspace.member(Role.SALES);
    String customer = createCustomer(rep, "ORGANIZATION", "远航物流", "13912345678");
    idOf(
        api.post(
            "/api/v1/tasks",
            RequestOptions.create()
                .setHeader("Authorization", rep.bearer())
                .setData(
                    Map.of(
                        "title",
                        "给远航物流回电话",
                        "dueOn",
                        TODAY.minusDays(1).toString(),
                        "customerId",
                        customer))));

    {
      Page page = browsing.newPage();
      page.navigate(baseUrl() + "/login");
      signIn(page, rep);

      // 0. The keyboard reaches the skip link first.
      if (!phone) {
        page.keyboard().press("Tab");
        assertThat(page.locator("a.skip")).isFocused();
        assertThat(page.locator("a.skip")).hasText("跳到正文");
      }

      // 1. The home page: yesterday's task is overdue.
      assertThat(page).hasURL(Pattern.compile(".*/$"));
      Locator today = page.locator("#home-tasks");
      assertThat(today).containsText("给远航物流回电话");
      assertThat(today).containsText("逾期");
      screenshot(page, size + "20-home-overdue-task");
      fits(page, phone, "the home page");

      // 2. The customer's page: the owner's phone to call.
      today
          .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("远航物流").setExact(true))
          .click();
      assertThat(page).hasURL(Pattern.compile(".*/customers/" + customer + "$"));
      assertThat(page.locator("#personal-data dd[data-field=phone] a"))
          .hasAttribute("href", "tel:13912345678");

      // 3. The follow-up of the call, with the next date.
      Locator panel = page.locator("#interaction-panel");
      assertThat(panel).containsText("还没有跟进记录");
      waitForHtmx(page);
      panel
          .getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("方式"))
          .selectOption(new SelectOption().setLabel("电话"));
      panel
          .getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("沟通内容"))
          .fill("电话确认二期需求，客户要看方案");
      panel.getByLabel("下次跟进日期").fill(TODAY.plusDays(3).toString());
      press(
          panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存跟进记录")),
          phone);
      assertThat(page.locator("#interaction-panel")).containsText("跟进记录已保存");
      assertThat(page.locator("#interactions")).containsText("电话确认二期需求，客户要看方案");
      assertThat(page.locator("#interactions")).containsText("下次跟进 " + TODAY.plusDays(3));
      screenshot(page, size + "21-follow-up-written");
      fits(page, phone, "the customer page");

      // 4. The next date is a new task (written once the follow-up is committed).
      boolean seen = false;
      for (int i = 0; i < 20 && !seen; i++) {
        page.navigate(baseUrl() + "/tasks");
        seen = page.locator("#tasks").textContent().contains("电话确认二期需求，客户要看方案");
        if (!seen) {
          page.waitForTimeout(250);
        }
      }
      assertTrue(seen, "the follow-up's next date is a task in the list");
      Locator row = page.locator("#tasks tr", new Page.LocatorOptions().setHasText("电话确认二期需求"));
      assertThat(row).containsText("跟进");
      assertThat(row).containsText(TODAY.plusDays(3).toString());
      fits(page, phone, "the tasks page");

      // 4a. The other new pages fit a phone too, and pass axe-core at a desk.
      for (String other :
          new String[] {
            "/calendar", "/calendar?view=month", "/notifications", "/search?q=远航", "/tasks/new"
          }) {
        page.navigate(baseUrl() + other);
        fits(page, phone, other);
      }
      page.navigate(baseUrl() + "/tasks");
      row = page.locator("#tasks tr", new Page.LocatorOptions().setHasText("电话确认二期需求"));

      // 4b. A delete asks first: dismissed, nothing happens; accepted, the task goes.
      row.getByRole(AriaRole.LINK).first().click();
      java.util.List<String> asked = new java.util.ArrayList<>();
      page.onceDialog(
          dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
          });
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除")).click();
      assertThat(page).hasURL(Pattern.compile(".*/tasks/[0-9a-f-]+$"));
      page.onceDialog(
          dialog -> {
            asked.add(dialog.message());
            dialog.accept();
          });
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除")).click();
      assertThat(page.getByText("任务已删除。")).isVisible();
      assertTrue(asked.equals(java.util.List.of("删除这个任务？", "删除这个任务？")), "asked: " + asked);

      // 5. Back home (on a phone through the menu button): the overdue task is done with one click.
      Locator home =
          page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工作台").setExact(true));
      if (phone) {
        assertThat(home).isHidden();
        press(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("菜单")), phone);
      }
      press(home, phone);
      Locator overdue =
          page.locator("#home-tasks li", new Page.LocatorOptions().setHasText("给远航物流回电话"));
      press(
          overdue.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成")), phone);
      assertThat(page.getByText("任务已完成。")).isVisible();
      assertThat(page.locator("#home-tasks")).not().containsText("给远航物流回电话");
      screenshot(page, size + "22-home-after-the-call");
    }
  }

  /** A tap on a phone, a click at a desk. */
  private static void press(Locator button, boolean phone) {
    if (phone) {
      button.tap();
    } else {
      button.click();
    }
  }

  /** On a phone the page fits the screen; at a desk axe-core finds nothing serious in it. */
  private static void fits(Page page, boolean phone, String what) {
    if (phone) {
      assertFitsTheScreen(page, what);
    } else {
      assertAccessible(page, what);
    }
  }
}
