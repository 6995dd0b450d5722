package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Now and then, in every workspace, returns to the pool the customers whose owners have not
 * followed them up for the workspace's period. Any node may run it, several at once.
 */
@Component
class PoolCheck {

  private static final Logger LOG = LoggerFactory.getLogger(PoolCheck.class);

  private final JdbcClient jdbc;
  private final CustomerPool pool;
  private final Clock clock;

  PoolCheck(JdbcClient jdbc, CustomerPool pool, Clock clock) {
    this.jdbc = jdbc;
    this.pool = pool;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.pool.check-interval:PT1H}",
      initialDelayString = "${guanxi.pool.check-interval:PT1H}")
  void run() {
    List<UUID> workspaces = jdbc.sql("select guanxi_workspace_ids()").query(UUID.class).list();
    for (UUID workspace : workspaces) {
      int returned = WorkspaceContext.callIn(workspace, () -> pool.returnOverdue(clock.instant()));
      if (returned > 0) {
        LOG.info(
            "Pool check returned {} customers of workspace {} to the pool", returned, workspace);
      }
    }
  }
}
