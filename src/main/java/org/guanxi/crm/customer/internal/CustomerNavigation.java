package org.guanxi.crm.customer.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.SETTINGS;
import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PageSection;
import org.guanxi.crm.platform.PlatformPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The customer module's entries of the sidebar, and its own pool panel of the customer page. */
@Configuration(proxyBeanMethods = false)
class CustomerNavigation {

  @Bean
  NavigationEntry customersEntry() {
    return NavigationEntry.link(
        WORK, 10, "nav.customers", "/customers", CustomerPermissions.CUSTOMER_READ);
  }

  @Bean
  NavigationEntry poolEntry() {
    return NavigationEntry.link(
        WORK,
        20,
        "nav.pool",
        "/pool",
        CustomerPermissions.CUSTOMER_POOL_CLAIM,
        CustomerPermissions.CUSTOMER_POOL_MANAGE);
  }

  @Bean
  NavigationEntry customFieldsEntry() {
    return NavigationEntry.link(
        SETTINGS,
        10,
        "nav.customFields",
        "/admin/custom-fields",
        PlatformPermissions.ADMINISTRATION);
  }

  @Bean
  NavigationEntry lifecycleEntry() {
    return NavigationEntry.link(
        SETTINGS, 20, "nav.lifecycle", "/admin/lifecycle", PlatformPermissions.ADMINISTRATION);
  }

  /**
   * Whether the customer is in a pool and what its owner may do about it; in the recycle bin too.
   */
  @Bean
  PageSection poolPanel() {
    return PageSection.customer(
        20, "/customers/{id}/pool-panel", CustomerPermissions.CUSTOMER_READ, true);
  }

  /** The home page's customers about to return to the pool. */
  @Bean
  PageSection poolDueSection() {
    return PageSection.home(20, "/home/pool-due", CustomerPermissions.CUSTOMER_READ);
  }
}
