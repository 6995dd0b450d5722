package org.guanxi.crm.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.privacy.FieldCipher;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM; each value is stored as a format byte, a random 96-bit nonce and the sealed text.
 * Each thread keeps its own {@link Cipher} (re-initialised with a fresh nonce for every value), so
 * that the algorithm is looked up and the key expanded once per thread, not once per field.
 */
final class AesGcmFieldCipher implements FieldCipher {

  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(AesGcmFieldCipher::newRandom);

  private static final ThreadLocal<Cipher> CIPHERS =
      ThreadLocal.withInitial(AesGcmFieldCipher::newCipher);

  private final SecretKey key;

  AesGcmFieldCipher(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  @Override
  public byte @Nullable [] encrypt(@Nullable String plaintext) {
    if (plaintext == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.get().nextBytes(nonce);
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(FORMAT)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  @Override
  public @Nullable String decrypt(byte @Nullable [] ciphertext) {
    if (ciphertext == null) {
      return null;
    }
    if (ciphertext.length < 1 + NONCE_BYTES || ciphertext[0] != FORMAT) {
      throw new IllegalStateException("Not a value sealed by this cipher");
    }
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 1, NONCE_BYTES));
      byte[] plain =
          cipher.doFinal(ciphertext, 1 + NONCE_BYTES, ciphertext.length - 1 - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Decryption failed: wrong key or damaged value", e);
    }
  }

  /** A generator per thread: the default one reads the system's source under a global lock. */
  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
