package org.guanxi.crm.privacy;

import org.jspecify.annotations.Nullable;

/** Encrypts sensitive field values for storage and decrypts them for a permitted reveal. */
public interface FieldCipher {

  byte @Nullable [] encrypt(@Nullable String plaintext);

  @Nullable String decrypt(byte @Nullable [] ciphertext);
}
