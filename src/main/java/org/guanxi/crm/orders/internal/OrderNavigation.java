package org.guanxi.crm.orders.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.orders.OrderPermissions;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PageAction;
import org.guanxi.crm.platform.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orders module's entry of the sidebar and its sales panel on the customer page. */
@Configuration(proxyBeanMethods = false)
class OrderNavigation {

  @Bean
  NavigationEntry ordersEntry() {
    return NavigationEntry.link(WORK, 50, "nav.orders", "/orders", OrderPermissions.ORDER_READ);
  }

  /** The customer's revenue and latest orders on its page. */
  @Bean
  PageSection salesPanel() {
    return PageSection.customer(
        10, "/customers/{id}/sales-panel", OrderPermissions.ORDER_READ, false);
  }

  /** The customer page's button for a new order of the customer. */
  @Bean
  PageAction newOrderAction() {
    return PageAction.customer(
        40, "orders.new", "/orders/new?customerId={id}", OrderPermissions.ORDER_WRITE);
  }
}
