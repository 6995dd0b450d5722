package org.guanxi.crm.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A master key of personal-data protection. Separate keys for encryption and blind indexes are
 * derived from it, so that neither use weakens the other. Its id is derived from the key too: a
 * sealed value names the key that opens it, and an id cannot be given to the wrong key.
 */
final class MasterKey {

  private final byte[] key;
  private final int id;

  MasterKey(byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException(
          "A privacy master key must be 32 bytes (Base64-encoded), this one has " + key.length);
    }
    this.key = key.clone();
    this.id = ByteBuffer.wrap(derive("guanxi master key id")).getInt();
  }

  static MasterKey fromBase64(String text) {
    return new MasterKey(Base64.getDecoder().decode(text.trim()));
  }

  static MasterKey generate() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return new MasterKey(fresh);
  }

  /** The id that values sealed with this key carry (four bytes). */
  int id() {
    return id;
  }

  /** The id as people see it in logs and file names: eight hexadecimal digits. */
  String name() {
    return HexFormat.of().toHexDigits(id);
  }

  String base64() {
    return Base64.getEncoder().encodeToString(key);
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

  @Override
  public String toString() {
    return "master key " + name();
  }
}
