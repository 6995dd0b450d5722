package org.guanxi.crm.platform.internal.events;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.guanxi.crm.GuanxiApplication;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.Workspaces;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application in a JVM of its own, for the durable-events test to kill: it starts on the data
 * directory it is given, publishes a {@link Rang} in a new workspace, and prints what the test
 * needs to know while the listener hangs in its transaction: {@code published <event>}, then {@code
 * incomplete <n>} (the event's publications not yet completed).
 */
final class DurableEventsStandIn {

  public static void main(String[] args) throws InterruptedException {
    Effects.halt = true;
    ConfigurableApplicationContext application = start(args[0]);
    Effects.createTable(application.getBean("migrationDataSource", DataSource.class), "guanxi_app");
    UUID workspace =
        application
            .getBean(Workspaces.class)
            .create("durable-" + UUID.randomUUID(), "Durable events", false, headOffice -> {});
    UUID event = UUID.randomUUID();
    TransactionTemplate transaction =
        new TransactionTemplate(application.getBean(PlatformTransactionManager.class));
    WorkspaceContext.runIn(
        workspace,
        () ->
            transaction.executeWithoutResult(
                status -> application.publishEvent(new Rang(workspace, event))));
    System.out.println("published " + event + " " + workspace);
    if (Effects.halted.await(2, TimeUnit.MINUTES)) {
      System.out.println("incomplete " + incomplete(application.getBean(JdbcClient.class), event));
    }
    System.out.flush();
  }

  /** The application with the test's listener, on {@code dataDir}, on a port of its own. */
  static ConfigurableApplicationContext start(String dataDir) {
    return new SpringApplicationBuilder(GuanxiApplication.class, Effects.class)
        .profiles("test")
        .run(
            "--guanxi.data-dir=" + dataDir,
            "--server.port=0",
            "--guanxi.events.retry-interval=PT1H");
  }

  static long incomplete(JdbcClient jdbc, UUID event) {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null and serialized_event like ?")
        .params("%" + event + "%")
        .query(Long.class)
        .single();
  }
}
