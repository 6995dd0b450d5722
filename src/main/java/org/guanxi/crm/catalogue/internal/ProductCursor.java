package org.guanxi.crm.catalogue.internal;

import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of products ended, as an opaque token: the code and id of its last product. */
record ProductCursor(String code, UUID id) {

  String encode() {
    return PageCursors.encode(id, code);
  }

  static ProductCursor decode(String token) {
    return PageCursors.decode(
        token, 2, parts -> new ProductCursor(parts.get(1), UUID.fromString(parts.get(0))));
  }
}
