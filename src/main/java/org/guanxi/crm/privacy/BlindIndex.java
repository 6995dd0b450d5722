package org.guanxi.crm.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keyed hashes of normalised sensitive values, so that an exact value (an e-mail address, a phone
 * number, a phone's last four digits) can be looked up without decrypting any row.
 */
public interface BlindIndex {

  byte @Nullable [] of(SensitiveField field, @Nullable String normalisedValue);

  /**
   * The blind indexes of an e-mail address and a phone number as the named parameters {@code
   * :email} and {@code :phone}, to find the rows that hold either.
   */
  default Map<String, @Nullable Object> emailOrPhone(
      @Nullable String email, @Nullable String phone) {
    Map<String, @Nullable Object> keys = new LinkedHashMap<>();
    keys.put("email", of(SensitiveField.EMAIL, email));
    keys.put("phone", of(SensitiveField.PHONE, phone));
    return keys;
  }
}
