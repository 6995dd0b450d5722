package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.imports.ImportJob;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.jspecify.annotations.Nullable;

/**
 * An import of customers from a file, run in the background: where it stands and what became of its
 * rows.
 *
 * @param rowsDone how many rows have been read and settled (imported, rejected or held as possible
 *     duplicates)
 * @param duplicates how many rows were held as possible duplicates
 * @param decided how many of the held rows were since created, skipped or merged, by the decision
 *     taken
 */
record CustomerImport(
    UUID id,
    UUID createdBy,
    String fileName,
    String format,
    List<String> headers,
    Map<String, String> mapping,
    ImportStatus status,
    int totalRows,
    int rowsDone,
    int imported,
    int rejected,
    int duplicates,
    Map<RowStatus, Integer> decided,
    @Nullable String failure,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt)
    implements ImportJob {

  enum RowStatus {
    REJECTED,
    AWAITING_DECISION,
    CREATED,
    SKIPPED,
    MERGED
  }

  /**
   * A row that was not simply imported: rejected with its errors, or a possible duplicate and what
   * was decided.
   */
  record Row(
      int number,
      RowStatus status,
      Map<String, String> values,
      List<ImportRules.RowError> errors,
      @Nullable UUID candidateId,
      List<DuplicateFinder.Reason> reasons,
      @Nullable UUID customerId) {

    /** A row the import rejected. */
    static Row rejected(int number, Map<String, String> values, List<ImportRules.RowError> errors) {
      return new Row(number, RowStatus.REJECTED, values, errors, null, List.of(), null);
    }

    /** A row held as a possible duplicate of {@code candidateId}, to be decided on. */
    static Row awaitingDecision(
        int number,
        Map<String, String> values,
        UUID candidateId,
        List<DuplicateFinder.Reason> reasons) {
      return new Row(
          number, RowStatus.AWAITING_DECISION, values, List.of(), candidateId, reasons, null);
    }
  }

  public int awaitingDecision() {
    return duplicates - decided.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int count(RowStatus status) {
    return decided.getOrDefault(status, 0);
  }
}
