package org.guanxi.crm.customer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page ended, as an opaque token: the sort key and id of its last customer. */
record Cursor(CustomerSort sort, String key, UUID id) {

  static Cursor after(Customer last, CustomerSort sort) {
    String key =
        switch (sort) {
          case NEWEST -> last.createdAt().toString();
          case NAME -> SearchKeys.normalise(last.name());
        };
    return new Cursor(sort, key, last.id());
  }

  String encode() {
    return PageCursors.encode(sort.name(), id, key);
  }

  static Cursor decode(String token, CustomerSort expectedSort) {
    return PageCursors.decode(
        token,
        3,
        parts -> {
          Cursor cursor =
              new Cursor(
                  CustomerSort.valueOf(parts.get(0)), parts.get(2), UUID.fromString(parts.get(1)));
          if (cursor.sort != expectedSort) {
            throw new IllegalArgumentException("cursor of another order");
          }
          if (expectedSort == CustomerSort.NEWEST) {
            Instant.parse(cursor.key);
          }
          return cursor;
        });
  }

  Object keyParameter() {
    return sort == CustomerSort.NEWEST ? Timestamp.from(Instant.parse(key)) : key;
  }
}
