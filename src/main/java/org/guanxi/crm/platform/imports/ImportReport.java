package org.guanxi.crm.platform.imports;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What the reports of the rows (or lines) an import did not take share, whatever the module
 * imports: the texts of their heads and problems in the reader's language, where a message says
 * them. A module's report extends it and writes its rows ({@link SpreadsheetCsv}).
 */
public abstract class ImportReport {

  private final MessageSource messages;

  protected ImportReport(MessageSource messages) {
    this.messages = messages;
  }

  /** The message {@code key} in the reader's language, or {@code fallback} where there is none. */
  protected final String text(String key, String fallback, Locale locale) {
    String text = messages.getMessage(key, null, fallback, locale);
    return text == null ? fallback : text;
  }

  /** The message {@code key} with {@code args} in the reader's language, or null where none. */
  protected final @Nullable String message(String key, Object[] args, Locale locale) {
    return messages.getMessage(key, args, null, locale);
  }
}
