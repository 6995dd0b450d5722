package org.guanxi.crm.sales.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;

/** Where a page of products ended, as an opaque token: the code and id of its last product. */
record ProductCursor(String code, UUID id) {

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((id + "\n" + code).getBytes(StandardCharsets.UTF_8));
  }

  static ProductCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
      return new ProductCursor(parts[1], UUID.fromString(parts[0]));
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "cursor",
          "invalid-cursor",
          "The cursor is not one this list gave out; start from the first page");
    }
  }
}
