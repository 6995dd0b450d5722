package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.ContactSummary;
import org.guanxi.crm.customer.CustomerContacts;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@link CustomerContacts} for other modules: a visible customer's contacts, without personal data.
 */
@Component
class ContactSummaries implements CustomerContacts {

  private final Customers customers;
  private final ContactStore contacts;

  ContactSummaries(Customers customers, ContactStore contacts) {
    this.customers = customers;
    this.contacts = contacts;
  }

  @Override
  public List<ContactSummary> of(CurrentUser user, UUID customerId) {
    if (customers.find(user, customerId).isEmpty()) {
      return List.of();
    }
    return contacts.ofCustomer(customerId).stream()
        .map(c -> new ContactSummary(c.id(), c.customerId(), c.name(), c.title()))
        .toList();
  }
}
