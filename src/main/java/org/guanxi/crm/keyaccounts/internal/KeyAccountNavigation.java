package org.guanxi.crm.keyaccounts.internal;

import static org.guanxi.crm.keyaccounts.KeyAccountPermissions.KEY_ACCOUNT_READ;
import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key-account module's entry of the sidebar. */
@Configuration(proxyBeanMethods = false)
class KeyAccountNavigation {

  @Bean
  NavigationEntry keyAccountsEntry() {
    return NavigationEntry.link(WORK, 60, "nav.keyAccounts", "/key-accounts", KEY_ACCOUNT_READ);
  }
}
