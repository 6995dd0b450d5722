package org.guanxi.crm.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 of the field kind and its normalised value, cut to 16 bytes. Each thread keeps its
 * own initialised {@link Mac}: looking the algorithm up and keying it cost more than the hash.
 */
final class HmacBlindIndex implements BlindIndex {

  private final ThreadLocal<Mac> macs;

  HmacBlindIndex(byte[] key) {
    SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> keyed(spec));
  }

  private static Mac keyed(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte @Nullable [] of(SensitiveField field, @Nullable String normalisedValue) {
    if (normalisedValue == null || normalisedValue.isEmpty()) {
      return null;
    }
    Mac mac = macs.get();
    mac.update(field.name().getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return Arrays.copyOf(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)), 16);
  }
}
