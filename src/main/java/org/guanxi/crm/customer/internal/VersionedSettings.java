package org.guanxi.crm.customer.internal;

import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.VersionedResponses;
import org.springframework.http.ResponseEntity;

/**
 * How the settings APIs of customers (lifecycle, pool) replace a settings record kept at a version,
 * where none saved yet is version 0: the change names the version it read, and one made on an older
 * version is refused with the current one.
 */
final class VersionedSettings {

  private VersionedSettings() {}

  /**
   * Saves the settings at the {@code expected} version ({@code saveAt} answers whether that version
   * was still current) and answers them as saved, or refuses a stale change as {@link StaleVersion}
   * of {@code kind}.
   */
  static <S> ResponseEntity<S> replace(
      String kind,
      long expected,
      Supplier<S> current,
      ToLongFunction<S> version,
      LongPredicate saveAt) {
    if (expected != version.applyAsLong(current.get()) || !saveAt.test(expected)) {
      throw new StaleVersion(kind, version.applyAsLong(current.get()));
    }
    S saved = current.get();
    return VersionedResponses.ok(saved, version.applyAsLong(saved));
  }
}
