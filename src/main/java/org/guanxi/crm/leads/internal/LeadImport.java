package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A finished lead import: the file, how its columns were read, and how many rows became leads, were
 * rejected or were possible duplicates.
 *
 * @param ownerId the owner every lead was given to, or null when the assignment rules decided
 * @param duplicates rows with the same e-mail or phone as an earlier row or an existing lead,
 *     skipped or imported as {@code duplicatePolicy} says
 */
record LeadImport(
    UUID id,
    UUID userId,
    String fileName,
    List<String> headers,
    Map<String, String> mapping,
    Duplicates duplicatePolicy,
    @Nullable UUID ownerId,
    int totalRows,
    int imported,
    int rejected,
    int duplicates,
    Instant createdAt) {

  /** What becomes of a row that looks like an earlier row or an existing lead. */
  enum Duplicates {
    /** left out, and listed in the report */
    SKIP,
    /** imported all the same, and listed in the report */
    IMPORT
  }

  /** Rows of at most this many an import takes, besides the header. */
  static final int MAX_ROWS = 5_000;

  /** Files of at most this many bytes an import takes. */
  static final long MAX_BYTES = 10L * 1024 * 1024;

  /**
   * A row that was not imported as it was: rejected, or a possible duplicate.
   *
   * @param duplicateOfRow the earlier row of the file with the same e-mail or phone
   * @param duplicateOfLead the existing lead with the same e-mail or phone, when the importer may
   *     see it
   * @param leadId the lead created from the row anyway
   * @param cells the row as uploaded
   */
  record Row(
      int number,
      Outcome outcome,
      List<Problem> problems,
      @Nullable Integer duplicateOfRow,
      @Nullable UUID duplicateOfLead,
      @Nullable UUID leadId,
      List<String> cells) {}

  enum Outcome {
    REJECTED,
    DUPLICATE_SKIPPED,
    DUPLICATE_IMPORTED
  }

  /**
   * What is wrong with a row, without its values.
   *
   * @param column the file's column at fault, when one is
   * @param field the lead field at fault
   * @param code a stable code, such as {@code invalid-phone} or {@code duplicate-in-file}
   */
  record Problem(@Nullable String column, String field, String code, String message) {}
}
