package org.guanxi.crm.privacy.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.platform.GuanxiProperties;
import org.guanxi.crm.privacy.PrivacyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key of personal-data protection, from configuration or from a key file beside the
 * database (never in it). Separate keys for encryption and blind indexes are derived from it, so
 * that neither use weakens the other.
 */
final class MasterKey {

  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
  private final byte[] key;

  private MasterKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException(
          "The privacy master key must be 32 bytes (Base64-encoded), it has " + key.length);
    }
    this.key = key;
  }

  static MasterKey load(PrivacyProperties privacy, GuanxiProperties platform) {
    if (privacy.key() != null && !privacy.key().isBlank()) {
      return new MasterKey(Base64.getDecoder().decode(privacy.key().trim()));
    }
    Path file = platform.dataDir().resolve("keys").resolve("master.key").toAbsolutePath();
    try {
      if (!Files.exists(file)) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Files.createDirectories(file.getParent());
        Files.writeString(
            file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        restrictToOwner(file);
        log.warn(
            "Created a new privacy master key in {}. Back it up: personal data cannot be read without it.",
            file);
      }
      return new MasterKey(
          Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the privacy master key " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      log.debug("File permissions of {} left as they are: not a POSIX file system", file);
    }
  }

  byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
