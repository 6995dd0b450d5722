package org.guanxi.crm.privacy;

import org.jspecify.annotations.Nullable;

/**
 * Keyed hashes of normalised sensitive values, so that an exact value (an e-mail address, a phone
 * number, a phone's last four digits) can be looked up without decrypting any row.
 */
public interface BlindIndex {

  byte @Nullable [] of(SensitiveField field, @Nullable String normalisedValue);
}
