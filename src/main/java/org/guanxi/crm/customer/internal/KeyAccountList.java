package org.guanxi.crm.customer.internal;

import java.util.List;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.KeyAccountCustomers;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@link KeyAccountCustomers}: the customer list, filtered to key accounts, ordered by name. */
@Component
class KeyAccountList implements KeyAccountCustomers {

  private final CustomerService customers;

  KeyAccountList(CustomerService customers) {
    this.customers = customers;
  }

  @Override
  public List<CustomerSummary> visible(CurrentUser user, @Nullable String q, int limit) {
    CustomerQuery query = CustomerQuery.keyAccounts(q, limit);
    return customers.list(user, query).items().stream().map(Customer::summary).toList();
  }
}
