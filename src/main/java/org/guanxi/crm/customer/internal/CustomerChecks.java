package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.util.function.IntSupplier;
import org.guanxi.crm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Now and then, in every workspace, moves the customers whose last purchase has grown old, and
 * returns to the pool the customers whose owners have not followed them up for the workspace's
 * period. Any node may run them, several at once.
 */
@Component
class CustomerChecks {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerChecks.class);

  private final JdbcClient jdbc;
  private final CustomerLifecycle lifecycle;
  private final CustomerPool pool;
  private final Clock clock;

  CustomerChecks(JdbcClient jdbc, CustomerLifecycle lifecycle, CustomerPool pool, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.pool = pool;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.lifecycle.check-interval:PT1H}",
      initialDelayString = "${guanxi.lifecycle.check-interval:PT1H}")
  void moveByTimeSincePurchase() {
    inEveryWorkspace(
        "Lifecycle check moved {} customers of workspace {}",
        () -> lifecycle.moveByTimeSincePurchase(clock.instant()));
  }

  @Scheduled(
      fixedDelayString = "${guanxi.pool.check-interval:PT1H}",
      initialDelayString = "${guanxi.pool.check-interval:PT1H}")
  void returnOverdue() {
    inEveryWorkspace(
        "Pool check returned {} customers of workspace {} to the pool",
        () -> pool.returnOverdue(clock.instant()));
  }

  /**
   * Counts the customers {@code check} changes in each workspace, and logs where there were any.
   */
  private void inEveryWorkspace(String message, IntSupplier check) {
    WorkspaceContext.inEvery(jdbc, check)
        .forEach((workspace, changed) -> LOG.info(message, changed, workspace));
  }
}
