package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.JobScheduler;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportFile;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing customers from a file: the upload (read at once, so that an unreadable file is refused
 * then), the choice of columns, and the decisions on rows held as possible duplicates. The rows
 * themselves are imported in the background by {@link CustomerImportWorker}. An import is seen only
 * by the user who started it.
 */
@Service
class CustomerImportService {

  static final String KIND = "customer import";
  private static final int MAX_FILE_NAME = 200;

  /** What to do with a row held as a possible duplicate. */
  enum Action {
    CREATE,
    SKIP,
    MERGE_INTO
  }

  /**
   * @param customerId for MERGE_INTO: the customer to merge into; the candidate found when absent
   */
  record Decision(int row, Action action, @Nullable UUID customerId) {}

  private final CustomerImportStore store;
  private final CustomerService customers;
  private final CustomerMerges merges;
  private final ImportRules rules;
  private final AuditLog audit;
  private final JobScheduler jobs;
  private final CustomerImportWorker worker;
  private final Clock clock;

  CustomerImportService(
      CustomerImportStore store,
      CustomerService customers,
      CustomerMerges merges,
      ImportRules rules,
      AuditLog audit,
      JobScheduler jobs,
      CustomerImportWorker worker,
      Clock clock) {
    this.jobs = jobs;
    this.worker = worker;
    this.store = store;
    this.customers = customers;
    this.merges = merges;
    this.rules = rules;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Keeps an uploaded file for import. With {@code start}, the columns are mapped at once
   * (recognised headers, changed by {@code choices}) and the import queued; otherwise it waits for
   * {@link #start}. The file is read through before anything is stored (and outside a transaction:
   * a large file takes a while).
   */
  CustomerImport upload(
      CurrentUser user,
      @Nullable String fileName,
      byte[] content,
      Map<String, @Nullable String> choices,
      boolean start) {
    ImportFile file = ImportFile.of(content);
    List<List<String>> header = new ArrayList<>();
    int[] rows = {0};
    file.read(
        row -> {
          if (header.isEmpty()) {
            header.add(row.cells());
          } else {
            rows[0]++;
          }
        });
    if (header.isEmpty() || rows[0] == 0) {
      throw new InvalidInput(
          "file", "no-rows", "The file has no rows of customers below its header row.");
    }
    List<String> headers = ImportFile.uniqueHeaders(header.get(0));
    ColumnMapping<CustomerImportField> mapping =
        ColumnMapping.recognise(CustomerImportField.class, headers)
            .with(choices, headers, "Customers");
    if (start) {
      requireName(mapping);
    }
    UUID id = Ids.newId();
    store.insert(
        id,
        user,
        name(fileName, file),
        file.format().name(),
        content,
        headers,
        mapping,
        start ? ImportStatus.QUEUED : ImportStatus.MAPPING,
        rows[0],
        clock.instant());
    if (start) {
      jobs.submit(worker, id);
    }
    return get(user, id);
  }

  @Transactional
  CustomerImport start(CurrentUser user, UUID id, Map<String, @Nullable String> choices) {
    CustomerImport job = get(user, id);
    ColumnMapping<CustomerImportField> mapping =
        requireName(
            ColumnMapping.ofKeys(CustomerImportField.class, job.mapping())
                .with(choices, job.headers(), "Customers"));
    if (!store.queue(id, mapping)) {
      throw new InvalidInput("status", "import-already-started", "This import has already started");
    }
    jobs.submit(worker, id);
    return get(user, id);
  }

  CustomerImport get(CurrentUser user, UUID id) {
    return store.find(id, user.id()).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  List<CustomerImport> recent(CurrentUser user) {
    return store.recent(user.id(), 20);
  }

  List<CustomerImport.Row> rows(
      CurrentUser user, UUID id, RowStatus status, int afterRow, int limit) {
    get(user, id);
    return store.rows(id, status, afterRow, limit);
  }

  /**
   * Applies decisions on held rows, all or none: CREATE imports the row as a new customer, SKIP
   * leaves it out, MERGE_INTO fills the empty fields of an existing customer (the candidate found,
   * or the one named) from it.
   */
  @Transactional
  CustomerImport decide(CurrentUser user, UUID id, List<Decision> decisions) {
    CustomerImport job = get(user, id);
    if (job.status() != ImportStatus.DONE) {
      throw new InvalidInput(
          "status", "import-not-finished", "Decisions are taken once the import has finished");
    }
    ImportRules.Check check =
        rules.forImport(
            user, job.headers(), ColumnMapping.ofKeys(CustomerImportField.class, job.mapping()));
    Instant now = clock.instant();
    int created = 0;
    Set<Integer> seen = new HashSet<>();
    for (Decision decision : decisions) {
      if (decision.action() == null || !seen.add(decision.row())) {
        throw new InvalidInput(
            "row", "invalid-decision", "Each row needs one decision: CREATE, SKIP or MERGE_INTO");
      }
      CustomerImport.Row row =
          store
              .rowForUpdate(id, decision.row())
              .filter(r -> r.status() == RowStatus.AWAITING_DECISION)
              .orElseThrow(
                  () ->
                      new InvalidInput(
                          "row",
                          "not-awaiting-decision",
                          "Row " + decision.row() + " awaits no decision"));
      switch (decision.action()) {
        case SKIP -> store.decide(id, row.number(), RowStatus.SKIPPED, null, user.id(), now);
        case CREATE -> {
          Customer customer = customers.create(user, draftOf(check, job.headers(), row));
          store.decide(id, row.number(), RowStatus.CREATED, customer.id(), user.id(), now);
          created++;
        }
        case MERGE_INTO -> {
          UUID target = decision.customerId() != null ? decision.customerId() : row.candidateId();
          if (target == null) {
            throw new InvalidInput(
                "customerId",
                "required",
                "Name the customer to merge row " + row.number() + " into");
          }
          List<String> filled =
              merges.fillFromImport(user, target, draftOf(check, job.headers(), row));
          audit.record(
              user,
              AuditAction.MERGE,
              CustomerService.KIND,
              target,
              Map.of("importId", id, "row", row.number(), "fieldsFilled", filled));
          store.decide(id, row.number(), RowStatus.MERGED, target, user.id(), now);
        }
      }
    }
    if (created > 0) {
      store.addImported(id, created);
    }
    return get(user, id);
  }

  /**
   * The row read again under today's rules: a row held weeks ago may have an owner who has left
   * since.
   */
  private static CustomerDraft draftOf(
      ImportRules.Check check, List<String> headers, CustomerImport.Row row) {
    List<String> cells =
        headers.stream().map(header -> row.values().getOrDefault(header, "")).toList();
    ImportRules.CheckedRow checked = check.check(new ImportFile.Row(row.number(), cells));
    if (!checked.accepted() || checked.draft() == null) {
      List<InvalidInput.FieldError> errors =
          checked.errors().stream()
              .map(
                  e ->
                      new InvalidInput.FieldError(
                          e.column() == null ? "row" : e.column(),
                          e.code(),
                          "Row " + row.number() + ": " + e.message()))
              .toList();
      throw new InvalidInput(errors);
    }
    return checked.draft();
  }

  /** Every import needs the name of its customers. */
  private static ColumnMapping<CustomerImportField> requireName(
      ColumnMapping<CustomerImportField> mapping) {
    if (!mapping.fills(CustomerImportField.NAME)) {
      throw new InvalidInput(
          "mapping", "name-not-mapped", "No column is mapped to the customer's name");
    }
    return mapping;
  }

  private static String name(@Nullable String fileName, ImportFile file) {
    String name =
        fileName == null || fileName.isBlank()
            ? "customers." + file.format().name().toLowerCase()
            : fileName.strip();
    name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
    return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
  }
}
