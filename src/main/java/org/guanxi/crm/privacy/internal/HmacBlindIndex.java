package org.guanxi.crm.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 of the field kind and its normalised value, cut to 16 bytes, with a key derived from
 * the current master key: a key rotation computes every blind index again with the new one. Each
 * thread keeps its own initialised {@link Mac} per key: looking the algorithm up and keying it cost
 * more than the hash.
 */
final class HmacBlindIndex implements BlindIndex {

  private final Keyring keyring;
  private final Map<Integer, ThreadLocal<Mac>> macs = new ConcurrentHashMap<>();

  HmacBlindIndex(Keyring keyring) {
    this.keyring = keyring;
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
    MasterKey master = keyring.current();
    Mac mac =
        macs.computeIfAbsent(
                master.id(),
                id -> {
                  SecretKeySpec key =
                      new SecretKeySpec(master.derive("guanxi blind index v1"), "HmacSHA256");
                  return ThreadLocal.withInitial(() -> keyed(key));
                })
            .get();
    mac.update(field.name().getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return Arrays.copyOf(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)), 16);
  }
}
