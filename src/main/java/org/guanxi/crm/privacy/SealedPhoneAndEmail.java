package org.guanxi.crm.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's phone number and e-mail address as a row of a module's table keeps them: each sealed
 * for its table, column ({@code phone_enc}, {@code email_enc}) and row, with the blind indexes they
 * are found by, the phone's also by its last four digits. Customers, their contacts and leads keep
 * them alike.
 */
public final class SealedPhoneAndEmail {

  private SealedPhoneAndEmail() {}

  /**
   * The sealed values and their blind indexes as the named statement parameters {@code phoneEnc},
   * {@code phoneBidx}, {@code phoneTailBidx}, {@code emailEnc} and {@code emailBidx}.
   */
  public static Map<String, Object> parameters(
      FieldCipher cipher,
      BlindIndex blindIndex,
      String table,
      UUID row,
      @Nullable String phone,
      @Nullable String email) {
    Map<String, Object> params = new HashMap<>();
    params.put("phoneEnc", cipher.encrypt(phone, FieldContext.of(table, "phone_enc", row)));
    params.put("phoneBidx", blindIndex.of(SensitiveField.PHONE, phone));
    params.put(
        "phoneTailBidx", blindIndex.of(SensitiveField.PHONE_TAIL, ContactValues.phoneTail(phone)));
    params.put("emailEnc", cipher.encrypt(email, FieldContext.of(table, "email_enc", row)));
    params.put("emailBidx", blindIndex.of(SensitiveField.EMAIL, email));
    return params;
  }
}
