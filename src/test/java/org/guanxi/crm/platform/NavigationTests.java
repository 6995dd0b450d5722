package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.support.GuanxiTest;
import org.guanxi.crm.support.PageLogin;
import org.guanxi.crm.support.TestWorkspace;
import org.guanxi.crm.support.TestWorkspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sidebar each role sees: the modules contribute its entries, and a page shows the ones the
 * user has a permission for, in the order and with the labels the CRM has always had.
 */
@GuanxiTest
class NavigationTests {

  private static final Pattern SIDEBAR =
      Pattern.compile("<nav class=\"sidebar\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
  private static final Pattern ENTRY =
      Pattern.compile("<a href=\"([^\"]*)\">([^<]*)</a>|<span class=\"later\">([^<]*)</span>");

  /** Where each entry leads (or, for a module still to come, its label key) and its label key. */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("/", "nav.dashboard"),
          Map.entry("/tasks", "nav.tasks"),
          Map.entry("/calendar", "nav.calendar"),
          Map.entry("/customers", "nav.customers"),
          Map.entry("/pool", "nav.pool"),
          Map.entry("/leads", "nav.leads"),
          Map.entry("/opportunities/board", "nav.opportunities"),
          Map.entry("/orders", "nav.orders"),
          Map.entry("/key-accounts", "nav.keyAccounts"),
          Map.entry("/products", "nav.products"),
          Map.entry("/admin/custom-fields", "nav.customFields"),
          Map.entry("/admin/lifecycle", "nav.lifecycle"),
          Map.entry("/admin/audit", "nav.audit"),
          Map.entry("/admin/users", "nav.users"),
          Map.entry("/admin/teams", "nav.teams"),
          Map.entry("/admin/workspace", "nav.workspace"),
          Map.entry("/admin/exchange-rates", "nav.exchangeRates"),
          Map.entry("/me/tokens", "nav.tokens"));

  @Autowired MockMvc mvc;
  @Autowired TestWorkspaces workspaces;
  @Autowired MessageSource messages;

  TestWorkspace workspace;

  @BeforeEach
  void setUp() {
    workspace = workspaces.create();
  }

  @Test
  void eachRoleSeesTheEntriesOfItsPermissionsInTheirOrder() throws Exception {
    Map<Role, List<String>> expected = new EnumMap<>(Role.class);
    expected.put(
        Role.ADMINISTRATOR,
        entries(
            List.of(
                "/",
                "/tasks",
                "/calendar",
                "/customers",
                "/pool",
                "/leads",
                "/opportunities/board",
                "/orders",
                "/key-accounts",
                "/products"),
            List.of(
                "/admin/custom-fields",
                "/admin/lifecycle",
                "/admin/audit",
                "/admin/users",
                "/admin/teams",
                "/admin/workspace",
                "/admin/exchange-rates",
                "/me/tokens")));
    expected.put(
        Role.MANAGER,
        entries(
            List.of(
                "/",
                "/tasks",
                "/calendar",
                "/customers",
                "/pool",
                "/leads",
                "/opportunities/board",
                "/orders",
                "/key-accounts",
                "/products"),
            List.of("/me/tokens")));
    expected.put(
        Role.SALES,
        entries(
            List.of(
                "/",
                "/tasks",
                "/calendar",
                "/customers",
                "/pool",
                "/leads",
                "/opportunities/board",
                "/orders",
                "/key-accounts",
                "/products"),
            List.of("/me/tokens")));
    expected.put(
        Role.MARKETING,
        entries(
            List.of(
                "/",
                "/tasks",
                "/calendar",
                "/customers",
                "/leads",
                "/orders",
                "/key-accounts",
                "/products"),
            List.of("/me/tokens")));
    expected.put(
        Role.SERVICE,
        entries(
            List.of(
                "/", "/tasks", "/calendar", "/customers", "/orders", "/key-accounts", "/products"),
            List.of("/me/tokens")));
    expected.put(
        Role.ANALYST,
        entries(
            List.of(
                "/",
                "/tasks",
                "/calendar",
                "/customers",
                "/leads",
                "/opportunities/board",
                "/orders",
                "/key-accounts",
                "/products"),
            List.of("/me/tokens")));

    for (Role role : Role.values()) {
      assertThat(sidebar(role, Locale.ENGLISH))
          .as("the sidebar of " + role)
          .isEqualTo(labelled(expected.get(role), Locale.ENGLISH));
    }
  }

  @Test
  void theSidebarSpeaksTheUsersLanguage() throws Exception {
    List<String> all = new ArrayList<>(LABELS.keySet());
    for (Locale language :
        List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, Locale.ENGLISH)) {
      List<String> shown = sidebar(Role.ADMINISTRATOR, language);
      assertThat(shown).hasSize(all.size());
      assertThat(shown).containsExactlyInAnyOrderElementsOf(labelled(all, language));
    }
    assertThat(sidebar(Role.ADMINISTRATOR, Locale.SIMPLIFIED_CHINESE))
        .contains("/customers 客户", "/admin/users 用户");
  }

  @Test
  void aRoleWithoutAnEntrysPermissionDoesNotSeeIt() throws Exception {
    assertThat(sidebar(Role.ANALYST, Locale.ENGLISH))
        .noneMatch(entry -> entry.startsWith("/pool "))
        .noneMatch(entry -> entry.startsWith("/admin/"));
    assertThat(sidebar(Role.SERVICE, Locale.ENGLISH))
        .noneMatch(entry -> entry.startsWith("/leads "))
        .noneMatch(entry -> entry.startsWith("/opportunities/"));
    assertThat(sidebar(Role.SALES, Locale.ENGLISH))
        .anyMatch(entry -> entry.startsWith("/pool "))
        .noneMatch(entry -> entry.startsWith("/admin/audit "));
  }

  /** The work entries, then the settings and the user's own. */
  private static List<String> entries(List<String> work, List<String> settings) {
    List<String> all = new ArrayList<>(work);
    all.addAll(settings);
    return all;
  }

  private List<String> labelled(List<String> entries, Locale language) {
    return entries.stream()
        .map(
            entry ->
                (entry.startsWith("later:") ? "(later)" : entry)
                    + " "
                    + messages.getMessage(LABELS.get(entry), null, language))
        .toList();
  }

  /** The sidebar of {@code GET /customers} as a member of that role sees it. */
  private List<String> sidebar(Role role, Locale language) throws Exception {
    var member = workspace.member(role);
    Cookie session = PageLogin.signIn(mvc, member.username(), TestWorkspace.PASSWORD);
    String page =
        mvc.perform(
                get("/customers")
                    .cookie(session)
                    .header("Accept-Language", language.toLanguageTag()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher sidebar = SIDEBAR.matcher(page);
    assertThat(sidebar.find()).as("the page has a sidebar").isTrue();
    List<String> entries = new ArrayList<>();
    Matcher entry = ENTRY.matcher(sidebar.group(1));
    while (entry.find()) {
      entries.add(
          entry.group(1) != null
              ? entry.group(1) + " " + entry.group(2)
              : "(later) " + entry.group(3));
    }
    return entries;
  }
}
