package org.guanxi.crm.platform;

import org.jspecify.annotations.Nullable;

/** Free text as it is stored: stripped, and null when nothing is left. */
public final class FreeText {

  private FreeText() {}

  public static @Nullable String stripped(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String stripped = raw.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
