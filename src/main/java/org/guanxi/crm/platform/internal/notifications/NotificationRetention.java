package org.guanxi.crm.platform.internal.notifications;

import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes every workspace's notifications once they are older than 30 days, once an hour. */
@Component
class NotificationRetention {

  private final NotificationStore store;
  private final JdbcClient jdbc;

  NotificationRetention(NotificationStore store, JdbcClient jdbc) {
    this.store = store;
    this.jdbc = jdbc;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.notifications.retention-interval:PT1H}",
      initialDelayString = "${guanxi.notifications.retention-interval:PT1H}")
  void deleteOld() {
    WorkspaceContext.inEvery(jdbc, store::deleteOld);
  }
}
