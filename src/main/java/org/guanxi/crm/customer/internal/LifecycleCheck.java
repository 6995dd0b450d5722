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

/** Now and then, in every workspace, moves the customers whose last purchase has grown old. */
@Component
class LifecycleCheck {

  private static final Logger LOG = LoggerFactory.getLogger(LifecycleCheck.class);

  private final JdbcClient jdbc;
  private final CustomerLifecycle lifecycle;
  private final Clock clock;

  LifecycleCheck(JdbcClient jdbc, CustomerLifecycle lifecycle, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.lifecycle.check-interval:PT1H}",
      initialDelayString = "${guanxi.lifecycle.check-interval:PT1H}")
  void run() {
    List<UUID> workspaces = jdbc.sql("select guanxi_workspace_ids()").query(UUID.class).list();
    for (UUID workspace : workspaces) {
      int moved =
          WorkspaceContext.callIn(
              workspace, () -> lifecycle.moveByTimeSincePurchase(clock.instant()));
      if (moved > 0) {
        LOG.info("Lifecycle check moved {} customers of workspace {}", moved, workspace);
      }
    }
  }
}
