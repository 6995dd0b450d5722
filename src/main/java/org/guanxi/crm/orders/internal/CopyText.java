package org.guanxi.crm.orders.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Rows in the text format of PostgreSQL's {@code COPY}: values separated by tabs, a row per line,
 * {@code \N} for null, and backslash, tab, newline and carriage return escaped.
 */
final class CopyText {

  private CopyText() {}

  static void row(StringBuilder out, @Nullable Object... values) {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append('\t');
      }
      value(out, values[i]);
    }
    out.append('\n');
  }

  private static void value(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof BigDecimal number) {
      out.append(number.toPlainString());
    } else if (value instanceof String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          default -> out.append(c);
        }
      }
    } else {
      out.append(value);
    }
  }
}
