package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a customer with colleagues who would not see it otherwise: they see and work on it as its
 * owner does. Whoever may change the customer may share it and take a share back.
 */
@Service
class CustomerShares {

  private final CustomerService customers;
  private final UserDirectory users;
  private final CustomerTimeline timeline;
  private final JdbcClient jdbc;
  private final Clock clock;

  CustomerShares(
      CustomerService customers,
      UserDirectory users,
      CustomerTimeline timeline,
      JdbcClient jdbc,
      Clock clock) {
    this.customers = customers;
    this.users = users;
    this.timeline = timeline;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  List<UserSummary> of(CurrentUser user, UUID customerId) {
    customers.get(user, customerId);
    return jdbc
        .sql("select user_id from customer_share where customer_id = ?")
        .param(customerId)
        .query(UUID.class)
        .list()
        .stream()
        .flatMap(id -> users.find(id).stream())
        .toList();
  }

  /** The active users of the workspace other than the user, to share a customer with. */
  List<UserSummary> colleagues(CurrentUser user) {
    return users.activeUsers().stream().filter(u -> !u.id().equals(user.id())).toList();
  }

  @Transactional
  void share(CurrentUser user, UUID customerId, UUID withUserId) {
    Customer customer = customers.get(user, customerId);
    UserSummary colleague =
        users
            .find(withUserId)
            .filter(UserSummary::active)
            .orElseThrow(
                () -> new InvalidInput("userId", "unknown-user", "No active user with this id"));
    if (colleague.id().equals(customer.ownerId())) {
      throw new InvalidInput("userId", "already-owner", "This user owns the customer");
    }
    int added =
        jdbc.sql(
                "insert into customer_share (workspace_id, customer_id, user_id) values (guanxi_current_workspace(), ?, ?) on conflict do nothing")
            .params(customerId, withUserId)
            .update();
    if (added == 1) {
      timeline.add(
          customerId,
          clock.instant(),
          "SHARED",
          user.displayName(),
          Map.of("with", colleague.displayName()));
    }
  }

  @Transactional
  void unshare(CurrentUser user, UUID customerId, UUID withUserId) {
    customers.get(user, customerId);
    int removed =
        jdbc.sql("delete from customer_share where customer_id = ? and user_id = ?")
            .params(customerId, withUserId)
            .update();
    if (removed == 0) {
      throw new RecordNotFound("share", withUserId);
    }
    String name =
        users.find(withUserId).map(UserSummary::displayName).orElse(withUserId.toString());
    timeline.add(customerId, clock.instant(), "UNSHARED", user.displayName(), Map.of("with", name));
  }
}
