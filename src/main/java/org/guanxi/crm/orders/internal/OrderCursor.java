package org.guanxi.crm.orders.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of orders ended, as an opaque token: the date and id of its last order. */
record OrderCursor(LocalDate orderDate, UUID id) {

  String encode() {
    return PageCursors.encode(orderDate, id);
  }

  static OrderCursor decode(String token) {
    return PageCursors.decode(
        token,
        2,
        parts -> new OrderCursor(LocalDate.parse(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
