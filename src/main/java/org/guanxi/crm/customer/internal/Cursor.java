package org.guanxi.crm.customer.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;

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
    String plain = sort.name() + "\n" + id + "\n" + key;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String token, CustomerSort expectedSort) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 3);
      Cursor cursor =
          new Cursor(CustomerSort.valueOf(parts[0]), parts[2], UUID.fromString(parts[1]));
      if (cursor.sort != expectedSort) {
        throw new IllegalArgumentException("cursor of another order");
      }
      if (expectedSort == CustomerSort.NEWEST) {
        Instant.parse(cursor.key);
      }
      return cursor;
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "cursor",
          "invalid-cursor",
          "The cursor is not one this list gave out; start from the first page");
    }
  }

  Object keyParameter() {
    return sort == CustomerSort.NEWEST ? Timestamp.from(Instant.parse(key)) : key;
  }
}
