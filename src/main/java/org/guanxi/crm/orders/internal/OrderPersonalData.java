package org.guanxi.crm.orders.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guanxi.crm.privacy.DataSubject;
import org.guanxi.crm.privacy.DataSubject.CustomerSubject;
import org.guanxi.crm.privacy.ModulePersonalData;
import org.guanxi.crm.privacy.PersonalCopy;
import org.guanxi.crm.privacy.PersonalRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal data orders hold: the customer's name, copied onto each order when it was placed.
 * Erasure replaces the name and keeps the order, its lines and amounts (business records, which
 * revenue and profit add up). The lines of an order import are sealed and kept only while the
 * import runs; the rejected lines its report keeps name no customer by id, so they are not matched
 * (they go with the import).
 */
@Component
class OrderPersonalData extends ModulePersonalData {

  private static final String ORDER = "order";

  private final JdbcClient jdbc;

  OrderPersonalData(JdbcClient jdbc) {
    super("orders", Map.of(ORDER, Set.of("customerName")));
    this.jdbc = jdbc;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    if (!(subject instanceof CustomerSubject customer)) {
      return List.of();
    }
    return copies(
        jdbc.sql(
                """
                select id, number, customer_name, order_date, kind, status, currency, amount from sales_order
                where customer_id = ? and customer_name <> ? order by order_date, id
                """)
            .params(customer.customerId(), ERASED_NAME),
        ORDER,
        (rs, id, values) ->
            values
                .texts("number", "customer_name")
                .put("orderDate", rs.getDate("order_date").toLocalDate().toString())
                .texts("kind", "status", "currency")
                .put("amount", rs.getBigDecimal("amount").toPlainString()));
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    if (subject instanceof CustomerSubject customer) {
      jdbc.sql(
              """
              update sales_order set customer_name = ?, version = version + 1
              where customer_id = ? and customer_name <> ?
              """)
          .params(ERASED_NAME, customer.customerId(), ERASED_NAME)
          .update();
    }
    return found;
  }
}
