package org.guanxi.crm.orders.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.guanxi.crm.orders.OrdersImported;
import org.guanxi.crm.platform.CustomerPurchaseBatch;
import org.guanxi.crm.platform.Jobs;
import org.guanxi.crm.platform.WorkspaceTime;
import org.guanxi.crm.platform.imports.ImportWorker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs queued order imports in the background, on whichever node claims them first. The lines are
 * settled a batch at a time, each batch in one transaction that also records how far the import
 * got; then the customers of the import are told of their purchases (lifecycle stage, one timeline
 * entry each) a few thousand per transaction, with {@link OrdersImported}; {@link Jobs} runs the
 * queue and each attempt. Both go on several connections at once ({@code
 * guanxi.order-imports.connections}): the file's batches in as many runs of consecutive batches,
 * the customers in two ranges of their ids. An import cut off by a restart is taken over once its
 * heartbeat is stale and goes on with the batches and customers left, never settling one twice.
 *
 * <p>An order whose lines lie in two runs may be written by both at once: the second to write it
 * fails on its number and settles its batch again, now adding to the order. Its lines are then
 * numbered in the order their batches were settled, not as they stand in the file.
 */
@Component
class OrderImportWorker extends ImportWorker<OrderImportStore.Work> {

  private static final Logger log = LoggerFactory.getLogger(OrderImportWorker.class);

  /** How often a batch is tried when it meets another connection's writes. */
  private static final int TRIES_PER_BATCH = 5;

  private final OrderImportStore imports;
  private final OrderImportBatch batches;
  private final ImportedOrderStore orders;
  private final OrderImportProperties properties;
  private final ImportConnections connections;
  private final ApplicationEventPublisher events;
  private final WorkspaceTime time;

  OrderImportWorker(
      OrderImportStore imports,
      OrderImportBatch batches,
      ImportedOrderStore orders,
      OrderImportProperties properties,
      ImportConnections connections,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock,
      WorkspaceTime time) {
    super("order-import", imports, transactions, clock);
    this.imports = imports;
    this.batches = batches;
    this.orders = orders;
    this.properties = properties;
    this.connections = connections;
    this.events = events;
    this.time = time;
  }

  @Override
  protected void run(UUID id, UUID claim, OrderImportStore.Work work) {
    OrderLineRules rules =
        new OrderLineRules(work.attempt().headers(), work.attempt().mapping(), work.options());
    List<Consumer<BooleanSupplier>> runs = new ArrayList<>();
    for (List<Integer> run : runs(imports.unsettledBatches(id), properties.connections())) {
      runs.add(stop -> settleAll(id, claim, work, rules, run, stop));
    }
    connections.runAll(work.attempt().actor().workspaceId(), runs);
    tellAllCustomers(id, claim, work);
  }

  /** The batches in at most {@code count} runs of consecutive ones, as long as each other. */
  static List<List<Integer>> runs(List<Integer> batches, int count) {
    List<List<Integer>> runs = new ArrayList<>();
    int parts = Math.min(count, batches.size());
    for (int i = 0; i < parts; i++) {
      runs.add(batches.subList(i * batches.size() / parts, (i + 1) * batches.size() / parts));
    }
    return runs;
  }

  private void settleAll(
      UUID id,
      UUID claim,
      OrderImportStore.Work work,
      OrderLineRules rules,
      List<Integer> run,
      BooleanSupplier stop) {
    for (int batch : run) {
      if (stop.getAsBoolean()) {
        return;
      }
      for (int tries = 1; ; tries++) {
        try {
          settle(id, claim, work, rules, batch);
          break;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
          // another connection wrote an order or a customer of this batch meanwhile
          if (tries == TRIES_PER_BATCH) {
            throw e;
          }
          log.debug("Batch {} of order import {} meets another's writes; again", batch, id, e);
        }
      }
    }
  }

  /** Settles one batch of lines and notes it, in one transaction. */
  private void settle(
      UUID id, UUID claim, OrderImportStore.Work work, OrderLineRules rules, int batch) {
    transaction.executeWithoutResult(
        status -> {
          imports.requireHeld(id, claim, false);
          List<OrderLineRules.Checked> lines = new ArrayList<>();
          for (OrderFile.Line line : OrderFile.lines(imports.batchLines(id, batch))) {
            lines.add(rules.check(line.number(), line.cells()));
          }
          Instant now = clock.instant();
          OrderImportBatch.Settled settled =
              batches.settle(
                  work.attempt().actor(), id, work.fileName(), work.options(), lines, now);
          if (!imports.batchSettled(id, batch, report(settled.unimported()))
              || !imports.progress(id, claim, settled.counts(), now)) {
            throw new Jobs.ClaimLost();
          }
        });
  }

  /**
   * Tells the customers of the import of their purchases, in two ranges of their ids at once: up to
   * the median customer, and after it.
   */
  private void tellAllCustomers(UUID id, UUID claim, OrderImportStore.Work work) {
    UUID split = work.splitCustomer();
    if (split == null) {
      UUID median = orders.medianCustomer(id).orElse(null);
      if (median == null) {
        return;
      }
      split = imports.splitCustomers(id, claim, median).orElseThrow(Jobs.ClaimLost::new);
    }
    UUID lowerFrom = work.settledAfter();
    UUID upperFrom = work.upperSettledAfter() == null ? split : work.upperSettledAfter();
    UUID upTo = split;
    List<Consumer<BooleanSupplier>> ranges =
        List.of(
            stop -> tellRange(id, claim, work, false, lowerFrom, upTo, stop),
            stop -> tellRange(id, claim, work, true, upperFrom, null, stop));
    if (properties.connections() > 1) {
      connections.runAll(work.attempt().actor().workspaceId(), ranges);
    } else {
      ranges.forEach(range -> range.accept(() -> false));
    }
  }

  private void tellRange(
      UUID id,
      UUID claim,
      OrderImportStore.Work work,
      boolean upper,
      @Nullable UUID from,
      @Nullable UUID upTo,
      BooleanSupplier stop) {
    UUID after = from;
    do {
      if (stop.getAsBoolean()) {
        return;
      }
      after = tellCustomers(id, claim, work, upper, after, upTo);
    } while (after != null);
  }

  /**
   * Tells the next customers of a range of the import of their purchases, in one transaction;
   * returns the last of them, or null when there were none left.
   */
  private @Nullable UUID tellCustomers(
      UUID id,
      UUID claim,
      OrderImportStore.Work work,
      boolean upper,
      @Nullable UUID after,
      @Nullable UUID upTo) {
    return transaction.execute(
        status -> {
          imports.requireHeld(id, claim, false);
          List<ImportedOrderStore.CustomerOrders> customers =
              orders.customersOf(id, after, upTo, properties.customersPerBatch());
          if (customers.isEmpty()) {
            return null;
          }
          Instant now = clock.instant();
          List<CustomerPurchaseBatch.Purchases> purchases = new ArrayList<>();
          for (ImportedOrderStore.CustomerOrders c : customers) {
            purchases.add(
                new CustomerPurchaseBatch.Purchases(
                    c.customerId(),
                    c.sales(),
                    instant(c.firstSale()),
                    instant(c.lastSale()),
                    detail(work.fileName(), c)));
          }
          events.publishEvent(
              new OrdersImported(
                  work.attempt().actor().workspaceId(),
                  id,
                  work.fileName(),
                  now,
                  work.attempt().actor().displayName(),
                  purchases));
          UUID last = customers.get(customers.size() - 1).customerId();
          if (!imports.customersSettled(id, claim, upper, customers.size(), last, now)) {
            throw new Jobs.ClaimLost();
          }
          return last;
        });
  }

  /**
   * A customer's timeline entry: the file, its orders and returns in it, and their dates, such as
   * {@code online_retail.csv · 12 (−2) · 2010-12-01 – 2011-12-09}.
   */
  private static Map<String, Object> detail(
      String fileName, ImportedOrderStore.CustomerOrders orders) {
    Map<String, Object> detail = new LinkedHashMap<>();
    String counts =
        orders.sales() + (orders.returns() > 0 ? " (\u2212" + orders.returns() + ")" : "");
    String period =
        orders.first().equals(orders.last())
            ? orders.first().toString()
            : orders.first() + " \u2013 " + orders.last();
    detail.put("summary", fileName + " \u00b7 " + counts + " \u00b7 " + period);
    detail.put("orders", orders.sales());
    detail.put("returns", orders.returns());
    return detail;
  }

  private @Nullable Instant instant(@Nullable LocalDate date) {
    return date == null ? null : time.startOf(date);
  }

  /** The lines not imported, as CSV text: number, problem, then the cells. */
  private static @Nullable String report(List<OrderImportBatch.Unimported> unimported) {
    if (unimported.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    List<String> row = new ArrayList<>();
    for (OrderImportBatch.Unimported line : unimported) {
      row.clear();
      row.add(Integer.toString(line.number()));
      row.add(line.problem().name());
      row.addAll(line.cells());
      OrderFile.write(text, row);
    }
    return text.toString();
  }
}
