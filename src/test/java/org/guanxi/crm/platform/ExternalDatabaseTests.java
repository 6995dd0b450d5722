package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guanxi.crm.GuanxiApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs the application on a PostgreSQL server it did not start, configured the way an operator
 * would: a JDBC URL, the schema owner for migrations, and a separate application role.
 */
class ExternalDatabaseTests {

  static EmbeddedPostgres server;
  static String url;

  @BeforeAll
  static void anOperatorsDatabase() throws Exception {
    server =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory("guanxi-external"))
            .setCleanDataDirectory(true)
            .start();
    JdbcClient admin = JdbcClient.create(server.getPostgresDatabase());
    admin.sql("create role guanxi_owner login password 'owner-secret'").update();
    admin.sql("create role guanxi_app login password 'app-secret'").update();
    admin.sql("create database crm owner guanxi_owner").update();
    url = "jdbc:postgresql://localhost:" + server.getPort() + "/crm";
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theApplicationMigratesAsTheOwnerAndWorksAsTheApplicationRole() throws Exception {
    try (ConfigurableApplicationContext app = start("guanxi_app", "app-secret")) {
      JdbcClient owner =
          JdbcClient.create(
              new org.springframework.jdbc.datasource.DriverManagerDataSource(
                  url, "guanxi_owner", "owner-secret"));
      assertThat(
              owner
                  .sql("select distinct tableowner from pg_tables where schemaname = 'public'")
                  .query(String.class)
                  .list())
          .containsExactly("guanxi_owner");
      assertThat(owner.sql("select count(*) from workspace").query(Long.class).single())
          .isEqualTo(1);
      assertThat(
              app.getBean(JdbcClient.class).sql("select current_user").query(String.class).single())
          .isEqualTo("guanxi_app");
    }
  }

  @Test
  void theApplicationRefusesToRunAsARoleThatCouldSeeEveryWorkspace() {
    assertThatThrownBy(() -> start("guanxi_owner", "owner-secret").close())
        .rootCause()
        .hasMessageContaining("must not be a superuser, have BYPASSRLS or own the tables");
  }

  private static ConfigurableApplicationContext start(String appUser, String appPassword)
      throws Exception {
    Path dataDir = Files.createTempDirectory("guanxi-external-data");
    // as command-line arguments, which outrank application.properties (default properties would
    // not)
    return new SpringApplicationBuilder(GuanxiApplication.class)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + appUser,
            "--spring.datasource.password=" + appPassword,
            "--spring.flyway.user=guanxi_owner",
            "--spring.flyway.password=owner-secret",
            "--guanxi.demo=false",
            "--guanxi.data-dir=" + dataDir,
            "--server.port=0",
            "--logging.level.root=WARN");
  }
}
