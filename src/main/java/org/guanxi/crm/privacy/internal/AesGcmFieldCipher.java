package org.guanxi.crm.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.platform.Sealing;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM. A value is stored as a format byte (2), the id of the master key (4 bytes), a random
 * 96-bit nonce and the sealed text with its tag; the format, the key id, the workspace, table,
 * column and row are its associated data, so a value opens only where it was sealed. Values of
 * format 1 (a format byte, a nonce and the sealed text, no key id and nothing associated) were
 * written before key ids existed: they still open, with whichever key is held that fits, until a
 * rotation seals them again.
 *
 * <p>The keys derived from each master key are kept, each with a {@link Cipher} per thread
 * (re-initialised with a fresh nonce for every value), so that the algorithm is looked up and a key
 * expanded once per thread and key, not once per field: an import seals millions of cells.
 */
final class AesGcmFieldCipher implements FieldCipher, Sealing {

  private static final byte UNBOUND = 1;
  private static final byte BOUND = 2;
  private static final int KEY_ID_BYTES = 4;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER = 1 + KEY_ID_BYTES + NONCE_BYTES;
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(AesGcmFieldCipher::newRandom);

  /** The encryption keys derived from one master key. */
  private static final class Derived {

    final SecretKey bound;
    final SecretKey unbound;
    final ThreadLocal<Cipher> boundCiphers = ThreadLocal.withInitial(AesGcmFieldCipher::newCipher);
    final ThreadLocal<Cipher> unboundCiphers =
        ThreadLocal.withInitial(AesGcmFieldCipher::newCipher);

    Derived(MasterKey master) {
      this.bound = new SecretKeySpec(master.derive("guanxi field encryption v2"), "AES");
      this.unbound = new SecretKeySpec(master.derive("guanxi field encryption v1"), "AES");
    }
  }

  private final Keyring keyring;
  private final Map<Integer, Derived> derived = new ConcurrentHashMap<>();

  AesGcmFieldCipher(Keyring keyring) {
    this.keyring = keyring;
  }

  @Override
  public byte @Nullable [] encrypt(@Nullable String plaintext, FieldContext context) {
    return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8), context);
  }

  @Override
  public @Nullable String decrypt(byte @Nullable [] sealed, FieldContext context) {
    return sealed == null ? null : new String(open(sealed, context), StandardCharsets.UTF_8);
  }

  @Override
  public boolean isCurrent(byte[] sealed) {
    return sealed.length > HEADER
        && sealed[0] == BOUND
        && ByteBuffer.wrap(sealed, 1, KEY_ID_BYTES).getInt() == keyring.current().id();
  }

  @Override
  public byte @Nullable [] reseal(byte @Nullable [] sealed, FieldContext context) {
    if (sealed == null || isCurrent(sealed)) {
      return sealed;
    }
    return seal(open(sealed, context), context);
  }

  @Override
  public byte[] seal(byte[] clear, String table, String column, String row) {
    return seal(clear, new FieldContext(table, column, row));
  }

  @Override
  public byte[] open(byte[] sealed, String table, String column, String row) {
    return open(sealed, new FieldContext(table, column, row));
  }

  byte[] seal(byte[] clear, FieldContext context) {
    MasterKey master = keyring.current();
    Derived keys = derived(master);
    byte[] sealed = new byte[HEADER + clear.length + TAG_BITS / 8];
    sealed[0] = BOUND;
    ByteBuffer.wrap(sealed, 1, KEY_ID_BYTES).putInt(master.id());
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.get().nextBytes(nonce);
    System.arraycopy(nonce, 0, sealed, 1 + KEY_ID_BYTES, NONCE_BYTES);
    try {
      Cipher cipher = keys.boundCiphers.get();
      cipher.init(Cipher.ENCRYPT_MODE, keys.bound, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(master.id(), context));
      cipher.doFinal(clear, 0, clear.length, sealed, HEADER);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  byte[] open(byte[] sealed, FieldContext context) {
    if (sealed.length > HEADER && sealed[0] == BOUND) {
      return openBound(sealed, context);
    }
    if (sealed.length > 1 + NONCE_BYTES && sealed[0] == UNBOUND) {
      return openUnbound(sealed, context);
    }
    throw new IllegalStateException("Not a value sealed by this cipher: " + place(context));
  }

  private byte[] openBound(byte[] sealed, FieldContext context) {
    int keyId = ByteBuffer.wrap(sealed, 1, KEY_ID_BYTES).getInt();
    MasterKey master = keyring.byId(keyId);
    if (master == null) {
      throw new IllegalStateException(
          "A value of "
              + place(context)
              + " was sealed with master key "
              + String.format("%08x", keyId)
              + ", which is not held: add it to the previous keys");
    }
    Derived keys = derived(master);
    try {
      Cipher cipher = keys.boundCiphers.get();
      cipher.init(
          Cipher.DECRYPT_MODE,
          keys.bound,
          new GCMParameterSpec(TAG_BITS, sealed, 1 + KEY_ID_BYTES, NONCE_BYTES));
      cipher.updateAAD(associatedData(keyId, context));
      return cipher.doFinal(sealed, HEADER, sealed.length - HEADER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A value of " + place(context) + " does not open: sealed for another place, or damaged",
          e);
    }
  }

  /** A value of format 1 opens with the key it was sealed with; its bytes do not say which. */
  private byte[] openUnbound(byte[] sealed, FieldContext context) {
    for (MasterKey master : keyring.all()) {
      Derived keys = derived(master);
      try {
        Cipher cipher = keys.unboundCiphers.get();
        cipher.init(
            Cipher.DECRYPT_MODE,
            keys.unbound,
            new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
        return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      } catch (AEADBadTagException anotherKey) {
        // the next key may be the one
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Decryption failed", e);
      }
    }
    throw new IllegalStateException(
        "A value of "
            + place(context)
            + " sealed before key ids does not open with any key held: wrong key, or damaged");
  }

  /**
   * The format, the key id, the workspace, and the table, column and row each preceded by its
   * length, so that no two places give the same bytes.
   */
  private static byte[] associatedData(int keyId, FieldContext context) {
    UUID workspace = WorkspaceContext.require();
    byte[] table = context.table().getBytes(StandardCharsets.UTF_8);
    byte[] column = context.column().getBytes(StandardCharsets.UTF_8);
    byte[] row = context.row().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(
            1 + KEY_ID_BYTES + 16 + 12 + table.length + column.length + row.length)
        .put(BOUND)
        .putInt(keyId)
        .putLong(workspace.getMostSignificantBits())
        .putLong(workspace.getLeastSignificantBits())
        .putInt(table.length)
        .put(table)
        .putInt(column.length)
        .put(column)
        .putInt(row.length)
        .put(row)
        .array();
  }

  private Derived derived(MasterKey master) {
    return derived.computeIfAbsent(master.id(), id -> new Derived(master));
  }

  /** The table and column, never the row's content: messages may reach a log. */
  private static String place(FieldContext context) {
    return context.table() + "." + context.column();
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
