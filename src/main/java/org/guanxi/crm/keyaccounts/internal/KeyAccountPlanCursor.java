package org.guanxi.crm.keyaccounts.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/** Where a page of key-account plans ended: the next review date and id of its last plan. */
record KeyAccountPlanCursor(LocalDate nextReview, UUID id) {

  String encode() {
    return PageCursors.encode(nextReview, id);
  }

  static KeyAccountPlanCursor decode(String token) {
    return PageCursors.decode(
        token,
        2,
        parts ->
            new KeyAccountPlanCursor(LocalDate.parse(parts.get(0)), UUID.fromString(parts.get(1))));
  }
}
