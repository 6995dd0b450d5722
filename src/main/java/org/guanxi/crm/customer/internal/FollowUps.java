package org.guanxi.crm.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up clock of customers ({@code customer.followed_up_at}), which decides when a customer
 * nobody follows up returns to the pool. It does not change the customer's version: following up is
 * not an edit that others' changes could conflict with.
 */
@Repository
class FollowUps {

  private final JdbcClient jdbc;

  FollowUps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer's owner did something on it at {@code at}: the clock moves forward to then. */
  void byOwner(UUID customerId, UUID actorId, Instant at) {
    jdbc.sql(
            """
            update customer set followed_up_at = :at
            where id = :id and owner_id = :actor and followed_up_at < :at
            """)
        .param("id", customerId)
        .param("actor", actorId)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * The customer is about to get a new owner: it leaves the pool if it was there, and the clock
   * starts again at {@code at}. Called before the owner is written, as a customer in the pool may
   * have no owner.
   */
  void newOwner(UUID customerId, Instant at) {
    jdbc.sql(
            """
            update customer set followed_up_at = :at, pooled_at = null, pool_team_id = null,
              pool_reason = null, pool_former_owner_id = null
            where id = :id
            """)
        .param("id", customerId)
        .param("at", Timestamp.from(at))
        .update();
  }
}
