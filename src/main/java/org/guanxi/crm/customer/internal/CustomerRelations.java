package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The records that belong to a customer — contacts, shares, timeline — moved together when
 * customers merge.
 */
@Repository
class CustomerRelations {

  /** How many records moved. */
  record Moved(int contacts, int shares, int timelineEntries) {}

  private final JdbcClient jdbc;

  CustomerRelations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Moves everything of {@code from} to {@code to}. A customer has one primary contact, so the
   * moved ones are no longer primary when {@code to} has one; the owner of {@code from} keeps
   * seeing the customer through a share.
   */
  Moved move(UUID from, UUID to, @Nullable UUID fromOwner, @Nullable UUID toOwner) {
    jdbc.sql(
            """
            update customer_contact set is_primary = false, version = version + 1
            where customer_id = :from and is_primary
              and exists (select 1 from customer_contact k where k.customer_id = :to and k.is_primary)
            """)
        .param("from", from)
        .param("to", to)
        .update();
    int contacts =
        jdbc.sql(
                "update customer_contact set customer_id = ?, version = version + 1 where customer_id = ?")
            .params(to, from)
            .update();
    jdbc.sql(
            """
            insert into customer_share (workspace_id, customer_id, user_id)
            select workspace_id, ?, user_id from customer_share where customer_id = ? on conflict do nothing
            """)
        .params(to, from)
        .update();
    int shares = jdbc.sql("delete from customer_share where customer_id = ?").params(from).update();
    if (fromOwner != null && !fromOwner.equals(toOwner)) {
      jdbc.sql(
              "insert into customer_share (workspace_id, customer_id, user_id) values (guanxi_current_workspace(), ?, ?) on conflict do nothing")
          .params(to, fromOwner)
          .update();
    }
    int timeline =
        jdbc.sql("update customer_timeline set customer_id = ? where customer_id = ?")
            .params(to, from)
            .update();
    return new Moved(contacts, shares, timeline);
  }
}
