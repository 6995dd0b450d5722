package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.Map;
import org.guanxi.crm.customer.Classification;
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
    CustomerQuery query =
        new CustomerQuery(
            q == null || q.isBlank() ? null : q.strip(),
            null,
            Classification.KEY_ACCOUNT,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            false,
            CustomerSort.NAME,
            null,
            Math.max(1, Math.min(limit, MAX_LIMIT)));
    return customers.list(user, query).items().stream().map(Customer::summary).toList();
  }
}
