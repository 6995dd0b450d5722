package org.guanxi.crm.platform.internal.events;

import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A module listener for the durable-events test, registered only by that test's applications (it
 * has no stereotype, so the other tests' scan passes it by): it records that it handled a {@link
 * Rang} in its workspace and, while {@link #halt} is set, stops there, its transaction open, until
 * its JVM is killed.
 */
class Effects {

  static volatile boolean halt;
  static final CountDownLatch halted = new CountDownLatch(1);

  private final JdbcClient jdbc;

  Effects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The table the listener writes to, made by the schema owner as a migration would. */
  static void createTable(DataSource owner, String appRole) {
    JdbcClient schema = JdbcClient.create(owner);
    schema
        .sql(
            "create table if not exists durable_event_effect (event_id uuid not null, workspace_id uuid not null)")
        .update();
    schema.sql("grant select, insert on durable_event_effect to " + appRole).update();
  }

  @ApplicationModuleListener
  void on(Rang rang) throws InterruptedException {
    jdbc.sql(
            "insert into durable_event_effect (event_id, workspace_id) values (?, guanxi_current_workspace())")
        .params(rang.id())
        .update();
    if (halt) {
      halted.countDown();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
