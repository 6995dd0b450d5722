package org.guanxi.crm.opportunities.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of deals ended, as an opaque token: the creation time and id of its last deal. */
record OpportunityCursor(Instant createdAt, UUID id) {

  String encode() {
    return PageCursors.encode(createdAt, id);
  }

  static OpportunityCursor decode(String token) {
    return PageCursors.decode(
        token,
        2,
        parts -> new OpportunityCursor(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
