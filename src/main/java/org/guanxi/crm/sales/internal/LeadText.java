package org.guanxi.crm.sales.internal;

import org.jspecify.annotations.Nullable;

/** A lead's free text as stored: stripped, and null when nothing is left. */
final class LeadText {

  private LeadText() {}

  static @Nullable String text(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String stripped = raw.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
