package org.guanxi.crm.orders.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.JobScheduler;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportFile;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing orders from a file of order lines (CSV or an Excel workbook): the upload (read through
 * at once, so that an unreadable file or a wrong mapping is refused then and nothing is kept), and
 * the choice of columns and options. The lines themselves are imported in the background by {@link
 * OrderImportWorker}. An import is seen only by the user who started it.
 */
@Service
class OrderImportService {

  static final String KIND = "order import";
  static final int MAX_PAGE = 100;
  private static final int MAX_FILE_NAME = 200;

  private final OrderImportStore store;
  private final OrderImportProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final JobScheduler jobs;
  private final OrderImportWorker worker;

  OrderImportService(
      OrderImportStore store,
      OrderImportProperties properties,
      PlatformTransactionManager transactions,
      JobScheduler jobs,
      OrderImportWorker worker,
      Clock clock) {
    this.jobs = jobs;
    this.worker = worker;
    this.store = store;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Keeps an uploaded file for import, its lines in batches. With {@code start}, the columns are
   * mapped at once (recognised names, changed by {@code choices}) and the import is queued;
   * otherwise it waits for {@link #start}. Everything is checked before anything is kept: the
   * options, the file and, with {@code start}, the mapping.
   */
  OrderImport upload(
      CurrentUser user,
      @Nullable String fileName,
      ImportFile.Source file,
      Map<String, @Nullable String> choices,
      OrderImportOptions.Choices options,
      boolean start) {
    OrderImportOptions chosen = OrderImportOptions.DEFAULTS.with(options);
    if (start) {
      chosen.allowedFor(user);
    }
    String name = name(fileName);
    UUID id = keep(user, name, ImportFile.open(file), choices, chosen, start);
    return get(user, id);
  }

  private UUID keep(
      CurrentUser user,
      String name,
      ImportFile file,
      Map<String, @Nullable String> choices,
      OrderImportOptions options,
      boolean start) {
    return transaction.execute(
        status -> {
          UUID id = Ids.newId();
          store.insert(id, user, name, clock.instant());
          List<ColumnMapping<OrderImportField>> mapping = new ArrayList<>(1);
          OrderFile.Summary summary =
              OrderFile.read(
                  file,
                  properties.linesPerBatch(),
                  new OrderFile.Reading() {
                    @Override
                    public void header(List<String> headers) {
                      mapping.add(
                          ColumnMapping.recognise(OrderImportField.class, headers)
                              .with(choices, headers, "Orders"));
                      if (start) {
                        OrderImportField.requireComplete(mapping.get(0));
                      }
                    }

                    @Override
                    public void batch(int number, int lines, String text) {
                      store.insertBatch(id, number, lines, text);
                    }
                  });
          store.describe(
              id,
              summary.headers(),
              mapping.get(0),
              options,
              start ? ImportStatus.QUEUED : ImportStatus.MAPPING,
              summary.lines(),
              summary.batches());
          if (start) {
            jobs.submit(worker, id);
          }
          return id;
        });
  }

  /** Starts an import that waits for its columns to be chosen. */
  @Transactional
  OrderImport start(
      CurrentUser user,
      UUID id,
      Map<String, @Nullable String> choices,
      OrderImportOptions.Choices options) {
    OrderImport job = get(user, id);
    if (job.status() != ImportStatus.MAPPING) {
      throw new InvalidInput("status", "import-already-started", "This import has already started");
    }
    ColumnMapping<OrderImportField> mapping =
        OrderImportField.requireComplete(job.mapping().with(choices, job.headers(), "Orders"));
    OrderImportOptions chosen = job.options().with(options).allowedFor(user);
    if (!store.queue(id, mapping, chosen)) {
      throw new InvalidInput("status", "import-already-started", "This import has already started");
    }
    jobs.submit(worker, id);
    return get(user, id);
  }

  OrderImport get(CurrentUser user, UUID id) {
    return store.find(id, user.id()).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  OrderImportStore.Page list(CurrentUser user, @Nullable String cursor, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidInput("limit", "out-of-range", "limit is between 1 and " + MAX_PAGE);
    }
    return store.list(user.id(), cursor == null ? null : ImportCursor.decode(cursor), limit);
  }

  private static String name(@Nullable String fileName) {
    String name = fileName == null || fileName.isBlank() ? "orders.csv" : fileName.strip();
    name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
    return name.length() > MAX_FILE_NAME ? name.substring(name.length() - MAX_FILE_NAME) : name;
  }
}
