package org.guanxi.crm.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.privacy.PrivacyProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master keys, kept outside the database: the current one, which seals, and previous ones,
 * which still open what was sealed before a key rotation. They come from configuration ({@code
 * guanxi.privacy.key} and {@code previous-keys}) or from files in the data directory ({@code
 * keys/master.key}, created on first start, and {@code keys/previous/<id>.key}). With files, a
 * rotation makes the new key itself; configured keys are replaced by whoever configures them.
 */
final class Keyring {

  private static final Logger log = LoggerFactory.getLogger(Keyring.class);

  /** The current key first, then the previous ones; replaced as a whole when a key is made. */
  private record KeySet(MasterKey current, Map<Integer, MasterKey> byId) {}

  private final @Nullable Path directory;
  private volatile KeySet keys;

  private Keyring(@Nullable Path directory, MasterKey current, List<MasterKey> previous) {
    this.directory = directory;
    this.keys = keys(current, previous);
  }

  static Keyring load(PrivacyProperties privacy, GuanxiProperties platform) {
    if (privacy.key() != null && !privacy.key().isBlank()) {
      return new Keyring(
          null,
          MasterKey.fromBase64(privacy.key()),
          privacy.previousKeys().stream().map(MasterKey::fromBase64).toList());
    }
    Path directory = platform.dataDir().resolve("keys").toAbsolutePath();
    Path file = directory.resolve("master.key");
    try {
      if (!Files.exists(file)) {
        write(file, MasterKey.generate());
        log.warn(
            "Created a new privacy master key in {}. Back it up: personal data cannot be read without it.",
            file);
      }
      return new Keyring(directory, read(file), readPrevious(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the privacy master key " + file, e);
    }
  }

  /** Keys held in memory only, as tests need them. */
  static Keyring of(MasterKey current, MasterKey... previous) {
    return new Keyring(null, current, List.of(previous));
  }

  MasterKey current() {
    return keys.current();
  }

  /** The key with this id; null when it is not held (any longer). */
  @Nullable MasterKey byId(int id) {
    return keys.byId().get(id);
  }

  /** Every key held, the current one first: a value sealed without a key id is tried with each. */
  List<MasterKey> all() {
    return List.copyOf(keys.byId().values());
  }

  List<MasterKey> previous() {
    return all().subList(1, keys.byId().size());
  }

  /** Whether the keys are files in the data directory, which a rotation may replace itself. */
  boolean keptInFiles() {
    return directory != null;
  }

  /** Where a previous key is kept, for the administrator who retires it. */
  String whereKept(MasterKey previous) {
    return directory == null
        ? "guanxi.privacy.previous-keys"
        : directory.resolve("previous").resolve(previous.name() + ".key").toString();
  }

  /**
   * Makes a new key and makes it current, keeping the current one among the previous ones. The old
   * key is saved under {@code keys/previous} before the new one replaces {@code master.key} (in one
   * move), so that no moment exists on disk without either.
   */
  synchronized MasterKey makeNewKeyCurrent() {
    if (directory == null) {
      throw new IllegalStateException(
          "The master key is configured (guanxi.privacy.key): configure the new key there and the"
              + " current one under guanxi.privacy.previous-keys");
    }
    KeySet before = keys;
    MasterKey fresh = MasterKey.generate();
    try {
      Path previous = directory.resolve("previous").resolve(before.current().name() + ".key");
      if (!Files.exists(previous)) {
        write(previous, before.current());
      }
      Path next = directory.resolve("master.key.new");
      Files.deleteIfExists(next);
      write(next, fresh);
      Files.move(
          next,
          directory.resolve("master.key"),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the new privacy master key", e);
    }
    List<MasterKey> previous = new ArrayList<>(before.byId().values());
    keys = keys(fresh, previous);
    log.warn(
        "Made {} current; {} is kept under {} to open older values until they are sealed again."
            + " Back up the key folder.",
        fresh,
        before.current(),
        directory.resolve("previous"));
    return fresh;
  }

  private static KeySet keys(MasterKey current, List<MasterKey> previous) {
    Map<Integer, MasterKey> byId = new LinkedHashMap<>();
    byId.put(current.id(), current);
    for (MasterKey key : previous) {
      MasterKey same = byId.putIfAbsent(key.id(), key);
      if (same != null && !same.base64().equals(key.base64())) {
        throw new IllegalStateException(
            "Two privacy master keys have the same id " + key.name() + ": replace one of them");
      }
    }
    return new KeySet(current, byId);
  }

  private static List<MasterKey> readPrevious(Path directory) throws IOException {
    Path folder = directory.resolve("previous");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> keyFiles =
          files.filter(f -> f.getFileName().toString().endsWith(".key")).sorted().toList();
      List<MasterKey> keys = new ArrayList<>();
      for (Path file : keyFiles) {
        keys.add(read(file));
      }
      return keys;
    }
  }

  private static MasterKey read(Path file) throws IOException {
    return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
  }

  /** Writes a key file that only the owner may read, from its creation on. */
  private static void write(Path file, MasterKey key) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      log.debug("File permissions of {} left as they are: not a POSIX file system", file);
      Files.createFile(file);
    }
    Files.writeString(file, key.base64(), StandardCharsets.US_ASCII);
  }
}
