package org.guanxi.crm.platform.internal.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by the application, its data kept on disk so that a second start
 * keeps everything. The application role gets a new random password at every start: it never needs
 * to be configured, and it never lives outside this process.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "guanxi";
  static final String APP_ROLE = "guanxi_app";

  private final EmbeddedPostgres server;
  private final DatabaseConnection connection;

  private EmbeddedDatabase(EmbeddedPostgres server, DatabaseConnection connection) {
    this.server = server;
    this.connection = connection;
  }

  static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(pgData);
      EmbeddedPostgres server =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "256MB")
              .setLocaleConfig("locale", "C.UTF-8")
              .setLocaleConfig("encoding", "UTF8")
              .start();
      String appPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
      prepare(server.getPostgresDatabase(), appPassword);
      String url = server.getJdbcUrl("postgres", DATABASE).replace("?user=postgres", "");
      log.info(
          "Embedded PostgreSQL is running on port {} with its data in {}",
          server.getPort(),
          pgData);
      return new EmbeddedDatabase(
          server, new DatabaseConnection(url, "postgres", "postgres", APP_ROLE, appPassword));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    }
  }

  private static void prepare(DataSource postgres, String appPassword) {
    try (Connection c = postgres.getConnection();
        Statement s = c.createStatement()) {
      var exists = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
      }
      var role = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
      String credentials =
          " login nosuperuser nobypassrls nocreatedb nocreaterole password '" + appPassword + "'";
      s.execute((role.next() ? "alter role " : "create role ") + APP_ROLE + credentials);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
  }

  DatabaseConnection connection() {
    return connection;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
