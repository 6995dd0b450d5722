package org.guanxi.crm.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Seals sensitive values for storage and opens them for a permitted reveal. A value is sealed for
 * its place ({@link FieldContext}: the current workspace, a table, a column, a row) and opens only
 * there; it names the master key it was sealed with, so that the key can be replaced (a key
 * rotation, {@code --guanxi.privacy.rotate-key}) while older values still open.
 */
public interface FieldCipher {

  byte @Nullable [] encrypt(@Nullable String plaintext, FieldContext context);

  /**
   * The value as it was sealed; an {@link IllegalStateException} when it was sealed for another
   * place, is damaged, or its key is no longer held.
   */
  @Nullable String decrypt(byte @Nullable [] sealed, FieldContext context);

  /**
   * Whether a value is sealed as a new one would be: with the current key and bound to its place. A
   * key rotation seals the others again.
   */
  boolean isCurrent(byte[] sealed);

  /**
   * The value sealed again with the current key for the same place, without turning it into text on
   * the way (uploaded files are large); a current value is returned as it is.
   */
  byte @Nullable [] reseal(byte @Nullable [] sealed, FieldContext context);
}
