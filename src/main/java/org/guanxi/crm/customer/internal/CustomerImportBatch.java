package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerCreated;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Settles a batch of checked rows inside the caller's transaction: inserts the new customers with
 * one statement and one timeline entry each, keeps the rejected rows for the report and the
 * possible duplicates for the user to decide, notes the progress and then announces each new
 * customer with {@link CustomerCreated}. Duplicates are looked up for the whole batch together.
 */
@Component
class CustomerImportBatch {

  private final CustomerImportStore imports;
  private final CustomerStore customers;
  private final CustomerTimeline timeline;
  private final DuplicateFinder duplicates;
  private final ApplicationEventPublisher events;

  CustomerImportBatch(
      CustomerImportStore imports,
      CustomerStore customers,
      CustomerTimeline timeline,
      DuplicateFinder duplicates,
      ApplicationEventPublisher events) {
    this.imports = imports;
    this.customers = customers;
    this.timeline = timeline;
    this.duplicates = duplicates;
    this.events = events;
  }

  /** Settles the rows of import {@code importId}, imported by {@code actor}, as of {@code now}. */
  void settle(CurrentUser actor, UUID importId, List<ImportRules.CheckedRow> rows, Instant now) {
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
            new CustomerStore.Insertion(newcomers.get(i).id(), newcomers.get(i).content(), now));
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
    timeline.addAll(ids, now, "IMPORTED", actor.displayName(), Map.of("importId", importId));
    imports.keep(importId, held);
    imports.progress(
        importId, rows.size(), insertions.size(), rejected, held.size() - rejected, now);
    ids.forEach(
        id -> events.publishEvent(new CustomerCreated(actor.workspaceId(), id, actor.id())));
  }
}
