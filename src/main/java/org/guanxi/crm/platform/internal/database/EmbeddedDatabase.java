package org.guanxi.crm.platform.internal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started by the application, its data kept on disk so that a second start
 * keeps everything.
 *
 * <p>Every connection must give a password (SCRAM-SHA-256) and the server listens on the loopback
 * address only. The superuser's secret is made at the first start and kept in {@value
 * #SUPERUSER_SECRET}, readable by its owner only. The application role gets a new random password
 * at every start: it never needs to be configured, and it never lives outside this process.
 *
 * <p>A server left running by an application that was killed is found through its {@code
 * postmaster.pid} and stopped before this one starts.
 */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "guanxi";
  static final String APP_ROLE = "guanxi_app";
  static final String SUPERUSER = "postgres";
  static final String SUPERUSER_SECRET = "postgres-superuser.secret";

  /**
   * Written at every start, so that a data directory made by an older version (which trusted every
   * local connection) is secured by its first start with this one.
   */
  private static final String HBA =
      """
      # Written by Guanxi at every start: a password (SCRAM-SHA-256) for every role and connection.
      # TYPE  DATABASE     USER  ADDRESS       METHOD
      local   all          all                 scram-sha-256
      host    all          all   127.0.0.1/32  scram-sha-256
      host    all          all   ::1/128       scram-sha-256
      local   replication  all                 scram-sha-256
      host    replication  all   127.0.0.1/32  scram-sha-256
      host    replication  all   ::1/128       scram-sha-256
      """;

  private final PostgresPrograms programs;
  private final Path pgData;
  private final FileLock inUse;
  private final DatabaseConnection connection;
  private boolean closed;

  private EmbeddedDatabase(
      PostgresPrograms programs, Path pgData, FileLock inUse, DatabaseConnection connection) {
    this.programs = programs;
    this.pgData = pgData;
    this.inUse = inUse;
    this.connection = connection;
  }

  /**
   * Starts the server on {@code <dataDir>/postgres}, creating it at the first start.
   *
   * @param durable whether a committed transaction is on disk before the commit returns (fsync,
   *     synchronous commit, full page writes): always for the application; tests may trade it for
   *     speed
   */
  static EmbeddedDatabase start(Path dataDir, boolean durable) {
    Path home = dataDir.toAbsolutePath().normalize();
    Path pgData = home.resolve("postgres");
    PostgresPrograms programs = PostgresPrograms.unpacked();
    FileLock inUse = lock(home);
    boolean running = false;
    try {
      stopLeftRunning(programs, pgData);
      String secret = superuserSecret(programs, home, pgData, durable);
      Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
      int port = freePort();
      programs.start(pgData, home.resolve("postgres.log"), serverOptions(port, durable));
      running = true;
      String appPassword = HexFormat.of().formatHex(randomBytes(16));
      prepare("jdbc:postgresql://localhost:" + port + "/postgres", secret, appPassword);
      log.info(
          "Embedded PostgreSQL is running on port {} with its data in {}{}",
          port,
          pgData,
          durable ? "" : " (not durable: fsync and synchronous commit are off)");
      String url = "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
      return new EmbeddedDatabase(
          programs,
          pgData,
          inUse,
          new DatabaseConnection(url, SUPERUSER, secret, APP_ROLE, appPassword));
    } catch (IOException e) {
      abandon(programs, pgData, running, inUse);
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
    } catch (RuntimeException e) {
      abandon(programs, pgData, running, inUse);
      throw e;
    }
  }

  private static void abandon(
      PostgresPrograms programs, Path pgData, boolean running, FileLock inUse) {
    try {
      if (running) {
        programs.stop(pgData);
      }
    } finally {
      release(inUse);
    }
  }

  private static List<String> serverOptions(int port, boolean durable) {
    String durability = durable ? "on" : "off";
    return List.of(
        "-p " + port,
        "-c listen_addresses=localhost",
        // no Unix-domain socket: the loopback address is the only way in
        "-c unix_socket_directories=''",
        "-c password_encryption=scram-sha-256",
        "-c fsync=" + durability,
        "-c synchronous_commit=" + durability,
        "-c full_page_writes=" + durability,
        "-c max_connections=200",
        "-c shared_buffers=256MB",
        "-c timezone=UTC");
  }

  /**
   * One application per data directory: the lock is the operating system's, so it goes with the
   * process, however that ends, and tells a server left running from one still in use.
   */
  private static FileLock lock(Path home) {
    try {
      Files.createDirectories(home);
      FileChannel channel =
          FileChannel.open(
              home.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "The data directory " + home + " is in use by another running Guanxi application");
      }
      return lock;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lock the data directory " + home, e);
    }
  }

  /**
   * Stops the server that an application killed before it could stop it left running: it still
   * holds the data directory, and a new server could not start. The process named in {@code
   * postmaster.pid} is signalled only if it is a PostgreSQL server of this very data directory; the
   * number may since belong to another process (after a reboot, say), and then the file is stale.
   */
  private static void stopLeftRunning(PostgresPrograms programs, Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> server =
        Files.readAllLines(pidFile).stream()
            .findFirst()
            .map(String::trim)
            .filter(pid -> pid.matches("\\d{1,18}"))
            .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
            .filter(process -> isServerOf(process, pgData));
    if (server.isPresent()) {
      log.warn(
          "Stopping the PostgreSQL server (pid {}) that a previous run left running on {}",
          server.get().pid(),
          pgData);
      programs.stop(pgData);
    } else {
      log.info("Removing a stale postmaster.pid from {}", pgData);
      Files.delete(pidFile);
    }
  }

  private static boolean isServerOf(ProcessHandle process, Path pgData) {
    ProcessHandle.Info info = process.info();
    boolean postgres =
        info.command().map(command -> Path.of(command).endsWith("postgres")).orElse(false);
    List<String> arguments = info.arguments().map(List::of).orElse(List.of());
    int dataDirectory = arguments.indexOf("-D") + 1;
    return postgres
        && dataDirectory > 0
        && dataDirectory < arguments.size()
        && isSameDirectory(Path.of(arguments.get(dataDirectory)), pgData);
  }

  private static boolean isSameDirectory(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The superuser's secret: made with a new cluster, or kept from an earlier start. A data
   * directory without it (made by an older version, whose superuser had no password) gets one, set
   * while the server is down.
   */
  private static String superuserSecret(
      PostgresPrograms programs, Path home, Path pgData, boolean durable) throws IOException {
    Path file = home.resolve(SUPERUSER_SECRET);
    if (!Files.exists(pgData.resolve("PG_VERSION"))) {
      String secret = newSecret();
      keep(secret, file);
      programs.initdb(pgData, file, durable);
      return secret;
    }
    if (!Files.exists(file)) {
      log.info("Setting a password for the PostgreSQL superuser of {}", pgData);
      String secret = newSecret();
      programs.setSuperuserPassword(pgData, secret);
      keep(secret, file);
      return secret;
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return Files.readString(file, StandardCharsets.US_ASCII).trim();
  }

  private static String newSecret() {
    return HexFormat.of().formatHex(randomBytes(32));
  }

  private static void keep(String secret, Path file) throws IOException {
    Path temp =
        Files.createTempFile(
            file.getParent(),
            file.getFileName().toString(),
            ".new",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(temp, secret, StandardCharsets.US_ASCII);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void prepare(String url, String secret, String appPassword) {
    try (Connection c = DriverManager.getConnection(url, SUPERUSER, secret);
        Statement s = c.createStatement()) {
      var exists = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
      if (!exists.next()) {
        s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
      }
      var role = s.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'");
      s.execute(
          (role.next() ? "alter role " : "create role ")
              + APP_ROLE
              + " login nosuperuser nobypassrls nocreatedb nocreaterole");
      // hashed here: the password never reaches the server, nor its log
      c.unwrap(PGConnection.class)
          .alterUserPassword(APP_ROLE, appPassword.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      if ("28P01".equals(e.getSQLState())) { // invalid_password
        throw new IllegalStateException(
            "The PostgreSQL superuser's password is not the one in "
                + SUPERUSER_SECRET
                + ": remove that file, and the next start sets a new one",
            e);
      }
      throw new IllegalStateException("Could not prepare the embedded database", e);
    }
  }

  DatabaseConnection connection() {
    return connection;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      programs.stop(pgData);
    } finally {
      release(inUse);
    }
  }

  private static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      log.warn("Could not release the lock on the data directory", e);
    }
  }
}
