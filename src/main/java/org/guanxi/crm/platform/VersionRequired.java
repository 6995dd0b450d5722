package org.guanxi.crm.platform;

/**
 * A change of an existing record that does not say which version of it the caller read: without
 * one, a colleague's change made in between would be silently overwritten, so nothing is changed.
 */
public class VersionRequired extends RuntimeException {

  public VersionRequired() {
    this(
        "Send If-Match with the ETag you read: every change of an existing record names its version");
  }

  protected VersionRequired(String message) {
    super(message);
  }
}
