package org.guanxi.crm.customer.internal;

import java.time.Duration;
import java.time.Instant;
import org.guanxi.crm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code --guanxi.customer.generate=1000000} (or {@code GUANXI_CUSTOMER_GENERATE}) adds that many
 * generated customers to the default workspace at start, to try the CRM at scale.
 */
@Component
@Order(100)
class ScaleCustomers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ScaleCustomers.class);

  private final DemoCustomers demo;
  private final JdbcClient jdbc;
  private final int count;

  ScaleCustomers(
      DemoCustomers demo, JdbcClient jdbc, @Value("${guanxi.customer.generate:0}") int count) {
    this.demo = demo;
    this.jdbc = jdbc;
    this.count = count;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (count <= 0) {
      return;
    }
    var workspace =
        jdbc.sql("select guanxi_find_workspace('default')").query(java.util.UUID.class).optional();
    if (workspace.isEmpty()) {
      log.warn("No default workspace to generate customers in");
      return;
    }
    Instant start = Instant.now();
    WorkspaceContext.runIn(
        workspace.get(),
        () ->
            demo.generate(
                count,
                System.nanoTime(),
                done -> {
                  if (done % 100_000 == 0 || done == count) {
                    long ms = Math.max(1, Duration.between(start, Instant.now()).toMillis());
                    log.info(
                        "Generated {} of {} customers ({} per second)",
                        done,
                        count,
                        done * 1000L / ms);
                  }
                }));
  }
}
