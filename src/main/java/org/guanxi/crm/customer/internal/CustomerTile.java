package org.guanxi.crm.customer.internal;

import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DashboardTile;
import org.springframework.stereotype.Component;

@Component
class CustomerTile implements DashboardTile {

  private final Customers customers;

  CustomerTile(Customers customers) {
    this.customers = customers;
  }

  @Override
  public String labelKey() {
    return "dashboard.visibleCustomers";
  }

  @Override
  public String link() {
    return "/customers";
  }

  @Override
  public long value(CurrentUser user) {
    return user.can(CustomerPermissions.CUSTOMER_READ) ? customers.countVisible(user) : 0;
  }
}
