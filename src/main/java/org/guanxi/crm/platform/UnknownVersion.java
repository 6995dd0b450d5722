package org.guanxi.crm.platform;

/**
 * A version the caller names that is not one the CRM ever gives out (such as {@code If-Match:
 * abc}): it can match no version of the record, so the change is refused as a stale one would be.
 */
public class UnknownVersion extends RuntimeException {

  public UnknownVersion(String named) {
    super(
        "If-Match carries the ETag you read, such as \"3\"; "
            + named.strip()
            + " is not one the CRM gave out");
  }
}
