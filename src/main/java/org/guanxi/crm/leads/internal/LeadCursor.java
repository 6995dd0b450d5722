package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of leads ended, as an opaque token: the creation time and id of its last lead. */
record LeadCursor(Instant createdAt, UUID id) {

  static LeadCursor after(Lead last) {
    return new LeadCursor(last.createdAt(), last.id());
  }

  String encode() {
    return PageCursors.encode(createdAt, id);
  }

  static LeadCursor decode(String token) {
    return PageCursors.decode(
        token,
        2,
        parts -> new LeadCursor(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
