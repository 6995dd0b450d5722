package org.guanxi.crm.platform.internal.money;

import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.platform.PageCursors;

/**
 * Where a page of rates ended, as an opaque token: the currency, day and id of its last rate (rates
 * are listed by currency, the latest first).
 */
record ExchangeRateCursor(String currency, LocalDate validFrom, UUID id) {

  String encode() {
    return PageCursors.encode(currency, validFrom, id);
  }

  static ExchangeRateCursor decode(String token) {
    return PageCursors.decode(
        token,
        3,
        parts ->
            new ExchangeRateCursor(
                parts.get(0), LocalDate.parse(parts.get(1)), UUID.fromString(parts.get(2))));
  }
}
