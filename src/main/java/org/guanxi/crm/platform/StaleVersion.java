package org.guanxi.crm.platform;

import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/** Someone else changed the record since the caller read it; nothing was overwritten. */
public class StaleVersion extends RuntimeException {

  private final long currentVersion;

  public StaleVersion(String kind, long currentVersion) {
    super("The " + kind + " was changed by someone else (now at version " + currentVersion + ")");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }

  /**
   * The version a change is made at: the record's current version, which must be the one the caller
   * expects (a caller that gives none takes the current one).
   *
   * @throws StaleVersion when the caller expects another version
   */
  public static long check(String kind, @Nullable Long expectedVersion, long currentVersion) {
    if (expectedVersion != null && expectedVersion != currentVersion) {
      throw new StaleVersion(kind, currentVersion);
    }
    return currentVersion;
  }

  /**
   * Stops a change whose write at a version changed nothing ({@link StoreWrites}): someone changed
   * the record meanwhile. The record's version now is read only then.
   *
   * @throws StaleVersion unless {@code written}
   */
  public static void unless(boolean written, String kind, LongSupplier currentVersion) {
    if (!written) {
      throw new StaleVersion(kind, currentVersion.getAsLong());
    }
  }
}
