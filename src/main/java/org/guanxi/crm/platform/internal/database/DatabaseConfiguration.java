package org.guanxi.crm.platform.internal.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.guanxi.crm.platform.GuanxiProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The application's data sources. With no {@code spring.datasource.url} the application starts its
 * own PostgreSQL; otherwise it connects to the configured one, as {@code
 * spring.datasource.username} for business data and as {@code spring.flyway.user} (the schema
 * owner) for migrations.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @Nullable EmbeddedDatabase embeddedDatabase(Environment env, GuanxiProperties properties) {
    if (env.containsProperty("spring.datasource.url")) {
      return null;
    }
    // durable unless told otherwise: only tests, whose data is thrown away, trade that for speed
    return EmbeddedDatabase.start(
        properties.dataDir(), env.getProperty("guanxi.database.durable", Boolean.class, true));
  }

  @Bean
  DatabaseConnection databaseConnection(Environment env, @Nullable EmbeddedDatabase embedded) {
    if (embedded != null) {
      return embedded.connection();
    }
    String url = env.getRequiredProperty("spring.datasource.url");
    String appUser = env.getRequiredProperty("spring.datasource.username");
    String appPassword = env.getProperty("spring.datasource.password", "");
    String ownerUser = env.getProperty("spring.flyway.user", appUser);
    if (ownerUser.equals(appUser)) {
      // checked before migrating: the grants after a migration would otherwise be applied to the
      // owner itself
      throw new IllegalStateException(ApplicationRoleCheck.UNSAFE_ROLE);
    }
    return new DatabaseConnection(
        url,
        ownerUser,
        env.getProperty("spring.flyway.password", appPassword),
        appUser,
        appPassword);
  }

  @Bean(destroyMethod = "close")
  @Primary
  DataSource dataSource(DatabaseConnection connection, Environment env) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("guanxi");
    pool.setJdbcUrl(connection.url());
    pool.setUsername(connection.appUser());
    pool.setPassword(connection.appPassword());
    pool.setMaximumPoolSize(env.getProperty("guanxi.database.pool-size", Integer.class, 20));
    // batches of inserts travel as multi-row statements: bulk loads are several times faster
    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
    return new WorkspaceScopedDataSource(pool);
  }

  @Bean(destroyMethod = "close")
  @FlywayDataSource
  HikariDataSource migrationDataSource(DatabaseConnection connection) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("guanxi-owner");
    pool.setJdbcUrl(connection.url());
    pool.setUsername(connection.ownerUser());
    pool.setPassword(connection.ownerPassword());
    pool.setMaximumPoolSize(5);
    pool.setIdleTimeout(60_000);
    pool.setMinimumIdle(0);
    return pool;
  }

  @Bean
  FlywayConfigurationCustomizer applicationRolePlaceholder(DatabaseConnection connection) {
    return flyway -> flyway.placeholders(java.util.Map.of("appRole", connection.appUser()));
  }

  @Bean
  ApplicationRoleCheck applicationRoleCheck(DataSource dataSource) {
    return new ApplicationRoleCheck(dataSource);
  }
}
