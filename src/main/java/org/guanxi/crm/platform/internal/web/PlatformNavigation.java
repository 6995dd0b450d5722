package org.guanxi.crm.platform.internal.web;

import static org.guanxi.crm.platform.NavigationEntry.Section.ACCOUNT;
import static org.guanxi.crm.platform.NavigationEntry.Section.SETTINGS;
import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import java.util.List;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PlatformPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Platform's own entries of the sidebar: the dashboard, the administration of users, teams, the
 * workspace and exchange rates, the user's API tokens, and the parts of the CRM still to come
 * ({@link #PLANNED}, which {@link PageModel} adds; each goes when its module arrives with an entry
 * of its own).
 */
@Configuration(proxyBeanMethods = false)
class PlatformNavigation {

  /** The parts of the CRM still to come, which every page's sidebar shows. */
  static final List<NavigationEntry> PLANNED =
      List.of(
          NavigationEntry.planned(10, "nav.marketing"),
          NavigationEntry.planned(20, "nav.service"),
          NavigationEntry.planned(30, "nav.interactions"),
          NavigationEntry.planned(40, "nav.analytics"),
          NavigationEntry.planned(50, "nav.community"));

  @Bean
  NavigationEntry dashboardEntry() {
    return NavigationEntry.link(WORK, 0, "nav.dashboard", "/");
  }

  @Bean
  NavigationEntry usersEntry() {
    return NavigationEntry.link(
        SETTINGS, 40, "nav.users", "/admin/users", PlatformPermissions.ADMINISTRATION);
  }

  @Bean
  NavigationEntry teamsEntry() {
    return NavigationEntry.link(
        SETTINGS, 50, "nav.teams", "/admin/teams", PlatformPermissions.ADMINISTRATION);
  }

  @Bean
  NavigationEntry workspaceEntry() {
    return NavigationEntry.link(
        SETTINGS, 60, "nav.workspace", "/admin/workspace", PlatformPermissions.ADMINISTRATION);
  }

  @Bean
  NavigationEntry exchangeRatesEntry() {
    return NavigationEntry.link(
        SETTINGS,
        70,
        "nav.exchangeRates",
        "/admin/exchange-rates",
        PlatformPermissions.EXCHANGE_RATE_WRITE);
  }

  @Bean
  NavigationEntry apiTokensEntry() {
    return NavigationEntry.link(ACCOUNT, 10, "nav.tokens", "/me/tokens");
  }
}
