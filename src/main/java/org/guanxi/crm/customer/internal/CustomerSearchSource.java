package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.Map;
import org.guanxi.crm.customer.CustomerPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.SearchSource;
import org.springframework.stereotype.Component;

/** The customers the search box finds, as the customer list's search does. */
@Component
class CustomerSearchSource implements SearchSource {

  private final CustomerService customers;

  CustomerSearchSource(CustomerService customers) {
    this.customers = customers;
  }

  @Override
  public String labelKey() {
    return "nav.customers";
  }

  @Override
  public int position() {
    return 10;
  }

  @Override
  public Permission permission() {
    return CustomerPermissions.CUSTOMER_READ;
  }

  @Override
  public List<Hit> search(CurrentUser user, String q, int limit) {
    return customers
        .list(
            user,
            new CustomerQuery(
                new CustomerFilters(q, null, null, null, null, null, null, null, false, null),
                Map.of(),
                null,
                limit))
        .items()
        .stream()
        .map(c -> new Hit(c.name(), c.city(), "/customers/" + c.id()))
        .toList();
  }
}
