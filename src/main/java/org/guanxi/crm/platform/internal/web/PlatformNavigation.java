package org.guanxi.crm.platform.internal.web;

import static org.guanxi.crm.platform.NavigationEntry.Section.ACCOUNT;
import static org.guanxi.crm.platform.NavigationEntry.Section.SETTINGS;
import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;
import static org.guanxi.crm.platform.PlatformPermissions.ADMINISTRATION;
import static org.guanxi.crm.platform.PlatformPermissions.EXCHANGE_RATE_WRITE;

import java.util.List;
import org.guanxi.crm.platform.NavigationEntry;

/**
 * Platform's own entries of the sidebar, which {@link PageModel} adds to those the modules declare
 * as beans: the dashboard, the administration of users, teams, the workspace and exchange rates,
 * and the user's API tokens. (Parts of the CRM still to come have no entry: a module brings its
 * own.)
 */
final class PlatformNavigation {

  static final List<NavigationEntry> ENTRIES =
      List.of(
          NavigationEntry.link(WORK, 0, "nav.dashboard", "/"),
          NavigationEntry.link(SETTINGS, 40, "nav.users", "/admin/users", ADMINISTRATION),
          NavigationEntry.link(SETTINGS, 50, "nav.teams", "/admin/teams", ADMINISTRATION),
          NavigationEntry.link(SETTINGS, 60, "nav.workspace", "/admin/workspace", ADMINISTRATION),
          NavigationEntry.link(
              SETTINGS, 70, "nav.exchangeRates", "/admin/exchange-rates", EXCHANGE_RATE_WRITE),
          NavigationEntry.link(ACCOUNT, 10, "nav.tokens", "/me/tokens"));

  private PlatformNavigation() {}
}
