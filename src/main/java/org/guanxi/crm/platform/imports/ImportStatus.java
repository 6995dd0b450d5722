package org.guanxi.crm.platform.imports;

/** Where an import that runs in the background stands, as its page and the API show it. */
public enum ImportStatus {
  /** Uploaded; the user chooses which column fills which field (pages). */
  MAPPING,
  QUEUED,
  RUNNING,
  DONE,
  FAILED;

  public boolean finished() {
    return this == DONE || this == FAILED;
  }
}
