package org.guanxi.crm.sales.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;

/** Where a page of orders ended, as an opaque token: the date and id of its last order. */
record OrderCursor(LocalDate orderDate, UUID id) {

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((orderDate + "\n" + id).getBytes(StandardCharsets.UTF_8));
  }

  static OrderCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
      return new OrderCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "cursor",
          "invalid-cursor",
          "The cursor is not one this list gave out; start from the first page");
    }
  }
}
