package org.guanxi.crm.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The customer record for other modules: look-ups that respect what the user may see. */
public interface Customers {

  Optional<CustomerSummary> find(CurrentUser user, UUID customerId);

  /**
   * The customer a new or changed record (a deal, an order) is for, which the user must see.
   *
   * @throws InvalidInput {@code unknown-customer} on {@code customerId} otherwise
   */
  default CustomerSummary require(CurrentUser user, UUID customerId) {
    return find(user, customerId)
        .orElseThrow(
            () ->
                new InvalidInput(
                    "customerId", "unknown-customer", "There is no such customer you may see"));
  }

  /** How many customers the user can see (not deleted). */
  long countVisible(CurrentUser user);

  /** The customer's tags when the user may see the customer (not deleted); empty otherwise. */
  List<String> tags(CurrentUser user, UUID customerId);

  /**
   * The customers the user may see (not deleted), as a SQL condition on a column that holds a
   * customer id: for modules that list their own records by whether their customer is visible, in
   * the query itself. Its parameter names start with {@code viewer}.
   */
  VisibleCustomers visibleCustomers(CurrentUser user, String customerIdColumn);

  /** A SQL condition and its named parameters. */
  record VisibleCustomers(String sql, Map<String, Object> params) {}

  /**
   * The workspace's customers that a new customer (and its first contact) may duplicate: the same
   * e-mail or phone on a customer or a contact, the same name or pinyin, or a name 80% alike. The
   * likeliest first, at most ten.
   */
  List<DuplicateCandidate> duplicateCandidates(
      CurrentUser user, NewCustomer customer, @Nullable NewContact contact);

  /**
   * Creates a customer, with its primary contact when one is given, inside the caller's
   * transaction. Invalid input is refused with {@link org.guanxi.crm.platform.InvalidInput}.
   *
   * @return the new customer's id
   */
  UUID create(CurrentUser user, NewCustomer customer, @Nullable NewContact contact);

  /**
   * Adds a contact to a customer the user may see, inside the caller's transaction; {@link
   * org.guanxi.crm.platform.RecordNotFound} when the user may not.
   */
  void addContact(CurrentUser user, UUID customerId, NewContact contact);

  /**
   * A customer known by its key in another system (an ERP's customer number): its name, whether the
   * user may see it, and whether it was just created.
   */
  record KeyedCustomer(UUID id, String name, boolean visible, boolean created) {}

  /**
   * The customers (not deleted) that have these external keys, found with one query, by key. A key
   * that no customer has but a customer merged into another had finds the customer it was merged
   * into (the latest such merge, followed through later merges). Keys found neither way are left
   * out; a customer the user may not see is answered with {@code visible} false.
   */
  Map<String, KeyedCustomer> findByExternalKeys(CurrentUser user, Collection<String> keys);

  /**
   * Creates one customer per external key, with one statement inside the caller's transaction, for
   * imports: named by its name (the key when there is none; cut at 200 characters), of the given
   * kind, owned by the user, a prospect. Each is {@code IMPORTED} on its timeline with {@code
   * timelineDetail} and published as {@link CustomerCreated}. The keys are ones {@link
   * #findByExternalKeys} did not find; a key that another transaction gave a customer meanwhile
   * answers that customer ({@code created} false), so that two imports making the same new customer
   * at once make it once. A key that is blank or longer than 200 characters is refused with {@link
   * org.guanxi.crm.platform.InvalidInput}.
   */
  Map<String, KeyedCustomer> createWithExternalKeys(
      CurrentUser user,
      Map<String, @Nullable String> namesByKey,
      CustomerKind kind,
      Map<String, Object> timelineDetail);
}
