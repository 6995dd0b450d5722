package org.guanxi.crm.platform.internal.web;

import java.sql.SQLException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recognises PostgreSQL refusing a NUL character (U+0000) in text, which no text column can hold:
 * the server's {@code invalid byte sequence for encoding "UTF8": 0x00} (22021), a JSON {@code
 * \u0000} it cannot turn into text (22P05), or the driver's own {@code Zero bytes may not occur in
 * string parameters} (22023). Commands ({@code StorableText}) and request parameters ({@link
 * UnstorableParameter}) are checked before they are used; this catches text that reaches the
 * database another way, such as free text no command record carries, so that the caller hears what
 * was wrong with the request rather than getting a 500.
 */
final class NulRefusal {

  private static final Set<String> NUL_STATES = Set.of("22021", "22P05");

  private NulRefusal() {}

  static boolean causedBy(@Nullable Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && (NUL_STATES.contains(sql.getSQLState())
              || ("22023".equals(sql.getSQLState())
                  && String.valueOf(sql.getMessage()).startsWith("Zero bytes")))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
