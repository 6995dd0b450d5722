package org.guanxi.crm.orders.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of order imports ended, as an opaque token: the upload time and id of its last. */
record ImportCursor(Instant createdAt, UUID id) {

  String encode() {
    return PageCursors.encode(createdAt, id);
  }

  static ImportCursor decode(String token) {
    return PageCursors.decode(
        token,
        2,
        parts -> new ImportCursor(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
