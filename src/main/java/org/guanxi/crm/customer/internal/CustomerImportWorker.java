package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerCreated;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.JobKind;
import org.guanxi.crm.platform.imports.ImportFile;
import org.guanxi.crm.platform.imports.ImportWorker;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs queued imports in the background, a {@link JobKind} of the platform's scheduler. Rows are
 * settled a batch at a time, each batch in one transaction that also records how far the import
 * got, so that an import cut off by a restart goes on from the next batch, never twice.
 */
@Component
class CustomerImportWorker extends ImportWorker<CustomerImportStore.Work> {

  static final int ROWS_PER_BATCH = 1_000;

  private final CustomerImportStore imports;
  private final CustomerStore customers;
  private final CustomerTimeline timeline;
  private final DuplicateFinder duplicates;
  private final ImportRules rules;
  private final ApplicationEventPublisher events;

  CustomerImportWorker(
      CustomerImportStore imports,
      CustomerStore customers,
      CustomerTimeline timeline,
      DuplicateFinder duplicates,
      ImportRules rules,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    super("customer-import", imports, transactions, clock);
    this.imports = imports;
    this.customers = customers;
    this.timeline = timeline;
    this.duplicates = duplicates;
    this.rules = rules;
    this.events = events;
  }

  @Override
  protected void run(UUID id, UUID claim, CustomerImportStore.Work work) {
    ImportWorker.Attempt<CustomerImportField> attempt = work.attempt();
    ImportRules.Check check =
        rules.forImport(attempt.actor(), attempt.headers(), attempt.mapping());
    Batch batch = new Batch(id, claim, attempt.actor());
    int[] dataRows = {0};
    boolean[] header = {true};
    ImportFile.of(work.file())
        .read(
            row -> {
              if (header[0]) {
                header[0] = false;
              } else if (dataRows[0]++ >= work.rowsDone()) {
                batch.add(check.check(row));
              }
            });
    batch.flush();
  }

  /** Rows gathered until there are enough to settle together. */
  private final class Batch {

    private final UUID importId;
    private final UUID claim;
    private final CurrentUser actor;
    private final List<ImportRules.CheckedRow> rows = new ArrayList<>();

    Batch(UUID importId, UUID claim, CurrentUser actor) {
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

    /**
     * Inserts the new customers, keeps the rejected rows and the possible duplicates, and notes the
     * progress.
     */
    void flush() {
      if (rows.isEmpty()) {
        return;
      }
      Instant now = clock.instant();
      transaction.executeWithoutResult(
          status -> {
            imports.requireHeld(importId, claim, true);
            List<CustomerImport.Row> held = new ArrayList<>();
            List<DuplicateFinder.Newcomer> newcomers = new ArrayList<>();
            List<ImportRules.CheckedRow> accepted = new ArrayList<>();
            for (ImportRules.CheckedRow row : rows) {
              if (row.accepted() && row.content() != null) {
                accepted.add(row);
                newcomers.add(new DuplicateFinder.Newcomer(Ids.newId(), row.content()));
              } else {
                held.add(CustomerImport.Row.rejected(row.number(), row.values(), row.errors()));
              }
            }
            int rejected = held.size();
            List<DuplicateFinder.Match> matches = duplicates.find(newcomers);
            List<CustomerStore.Insertion> insertions = new ArrayList<>();
            for (int i = 0; i < newcomers.size(); i++) {
              DuplicateFinder.Match match = matches.get(i);
              ImportRules.CheckedRow row = accepted.get(i);
              if (match == null) {
                insertions.add(
                    new CustomerStore.Insertion(
                        newcomers.get(i).id(), newcomers.get(i).content(), now));
              } else {
                held.add(
                    CustomerImport.Row.awaitingDecision(
                        row.number(),
                        row.values(),
                        match.candidateId(),
                        match.reasons().stream().sorted().toList()));
              }
            }
            held.sort(Comparator.comparingInt(CustomerImport.Row::number));
            customers.insertAll(insertions);
            List<UUID> ids = insertions.stream().map(CustomerStore.Insertion::id).toList();
            timeline.addAll(
                ids, now, "IMPORTED", actor.displayName(), Map.of("importId", importId));
            imports.keep(importId, held);
            imports.progress(
                importId, rows.size(), insertions.size(), rejected, held.size() - rejected, now);
            ids.forEach(
                id ->
                    events.publishEvent(new CustomerCreated(actor.workspaceId(), id, actor.id())));
          });
      rows.clear();
    }
  }
}
