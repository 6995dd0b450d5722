package org.guanxi.crm.sales.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;

/** Where a page of leads ended, as an opaque token: the creation time and id of its last lead. */
record LeadCursor(Instant createdAt, UUID id) {

  static LeadCursor after(Lead last) {
    return new LeadCursor(last.createdAt(), last.id());
  }

  String encode() {
    String plain = createdAt + "\n" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static LeadCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
      return new LeadCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw new InvalidInput(
          "cursor",
          "invalid-cursor",
          "The cursor is not one this list gave out; start from the first page");
    }
  }
}
