package org.guanxi.crm.platform;

import java.net.URI;
import org.springframework.http.ResponseEntity;

/**
 * The API's answers that carry a record and its version as an {@code ETag}, so that the caller can
 * send the version back in {@code If-Match} when it changes the record.
 */
public final class VersionedResponses {

  private VersionedResponses() {}

  /** 200 with the record and its {@code ETag}. */
  public static <T extends Versioned> ResponseEntity<T> ok(T record) {
    return ok(record, record.version());
  }

  /** 200 with a body that shows a record at {@code version}, and that version's {@code ETag}. */
  public static <T> ResponseEntity<T> ok(T body, long version) {
    return ResponseEntity.ok().eTag(ETags.of(version)).body(body);
  }

  /** 201 with the new record, its {@code ETag}, and its address as {@code Location}. */
  public static <T extends Versioned> ResponseEntity<T> created(String location, T record) {
    return created(location, record, record.version());
  }

  /**
   * 201 with a body that shows a new record at {@code version}, its address as {@code Location}.
   */
  public static <T> ResponseEntity<T> created(String location, T body, long version) {
    return ResponseEntity.created(URI.create(location)).eTag(ETags.of(version)).body(body);
  }
}
