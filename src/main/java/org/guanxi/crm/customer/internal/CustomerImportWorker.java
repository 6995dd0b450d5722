package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.JobKind;
import org.guanxi.crm.platform.imports.ImportFile;
import org.guanxi.crm.platform.imports.ImportWorker;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs queued imports in the background, a {@link JobKind} of the platform's scheduler. It reads
 * the stored file, checks its rows and has {@link CustomerImportBatch} settle them a batch at a
 * time, each batch in one transaction that also records how far the import got, so that an import
 * cut off by a restart goes on from the next batch, never twice.
 */
@Component
class CustomerImportWorker extends ImportWorker<CustomerImportStore.Work> {

  static final int ROWS_PER_BATCH = 1_000;

  private final CustomerImportStore imports;
  private final CustomerImportBatch batches;
  private final ImportRules rules;

  CustomerImportWorker(
      CustomerImportStore imports,
      CustomerImportBatch batches,
      ImportRules rules,
      PlatformTransactionManager transactions,
      Clock clock) {
    super("customer-import", imports, transactions, clock);
    this.imports = imports;
    this.batches = batches;
    this.rules = rules;
  }

  @Override
  protected void run(UUID id, UUID claim, CustomerImportStore.Work work) {
    ImportWorker.Attempt<CustomerImportField> attempt = work.attempt();
    ImportRules.Check check =
        rules.forImport(attempt.actor(), attempt.headers(), attempt.mapping());
    Pending pending = new Pending(id, claim, attempt.actor());
    int[] dataRows = {0};
    boolean[] header = {true};
    ImportFile.of(work.file())
        .read(
            row -> {
              if (header[0]) {
                header[0] = false;
              } else if (dataRows[0]++ >= work.rowsDone()) {
                pending.add(check.check(row));
              }
            });
    pending.flush();
  }

  /** Rows read and checked, gathered until there are enough to settle together. */
  private final class Pending {

    private final UUID importId;
    private final UUID claim;
    private final CurrentUser actor;
    private final List<ImportRules.CheckedRow> rows = new ArrayList<>();

    Pending(UUID importId, UUID claim, CurrentUser actor) {
      this.importId = importId;
      this.claim = claim;
      this.actor = actor;
    }

    void add(ImportRules.CheckedRow row) {
      rows.add(row);
      if (rows.size() >= ROWS_PER_BATCH) {
        flush();
      }
    }

    /** Settles the rows gathered, if any, in one transaction that first checks the claim. */
    void flush() {
      if (rows.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      transaction.executeWithoutResult(
          status -> {
            imports.requireHeld(importId, claim, true);
            batches.settle(actor, importId, rows, now);
          });
      rows.clear();
    }
  }
}
