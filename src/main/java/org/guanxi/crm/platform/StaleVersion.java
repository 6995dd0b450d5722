package org.guanxi.crm.platform;

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
}
