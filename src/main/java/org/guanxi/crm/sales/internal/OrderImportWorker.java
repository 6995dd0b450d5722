package org.guanxi.crm.sales.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerPurchaseBatch;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.sales.OrdersImported;
import org.guanxi.crm.sales.internal.OrderImport.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued order imports in the background, on whichever node claims them first. The lines are
 * settled a batch at a time, each batch in one transaction that also records how far the import
 * got; then the customers of the import are told of their purchases (lifecycle stage, one timeline
 * entry each) a few thousand per transaction, with {@link OrdersImported}. An import cut off by a
 * restart is taken over once its heartbeat is stale and goes on from the next batch, never twice.
 */
@Component
class OrderImportWorker {

  private static final Logger log = LoggerFactory.getLogger(OrderImportWorker.class);
  static final Duration STALE_AFTER = Duration.ofMinutes(2);
  static final int MAX_ATTEMPTS = 3;
  private static final int IMPORTS_PER_TURN = 10;
  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  private final OrderImportStore imports;
  private final OrderImportBatch batches;
  private final ImportedOrderStore orders;
  private final OrderImportProperties properties;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;
  private final Clock clock;

  OrderImportWorker(
      OrderImportStore imports,
      OrderImportBatch batches,
      ImportedOrderStore orders,
      OrderImportProperties properties,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.imports = imports;
    this.batches = batches;
    this.orders = orders;
    this.properties = properties;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.imports.poll-interval:PT2S}",
      initialDelayString = "${guanxi.imports.poll-interval:PT2S}")
  void runWaitingImports() {
    for (int i = 0; i < IMPORTS_PER_TURN; i++) {
      UUID claim = Ids.newId();
      Optional<OrderImportStore.Claimed> claimed = imports.claim(claim, STALE_AFTER);
      if (claimed.isEmpty()) {
        return;
      }
      WorkspaceContext.runIn(
          claimed.get().workspaceId(), () -> run(claimed.get().importId(), claim));
    }
  }

  void run(UUID id, UUID claim) {
    OrderImportStore.Work work = imports.work(id, claim).orElse(null);
    if (work == null) {
      return;
    }
    if (work.attempts() > MAX_ATTEMPTS) {
      imports.finish(
          id,
          claim,
          Status.FAILED,
          "The import was stopped after " + MAX_ATTEMPTS + " attempts.",
          clock.instant());
      return;
    }
    try {
      OrderLineRules rules = new OrderLineRules(work.headers(), work.mapping(), work.options());
      for (int batch = work.batchesDone(); batch < work.batches(); batch++) {
        settle(id, claim, work, rules, batch);
      }
      UUID after = work.settledAfter();
      do {
        after = tellCustomers(id, claim, work, after);
      } while (after != null);
      imports.finish(id, claim, Status.DONE, null, clock.instant());
    } catch (ClaimLost e) {
      log.info("Order import {} was taken over by another worker", id);
    } catch (InvalidInput e) {
      imports.finish(id, claim, Status.FAILED, e.errors().get(0).message(), clock.instant());
    } catch (RuntimeException e) {
      log.warn("Order import {} failed in attempt {}", id, work.attempts(), e);
      if (work.attempts() >= MAX_ATTEMPTS) {
        imports.finish(
            id, claim, Status.FAILED, "The import stopped: " + e.getMessage(), clock.instant());
      } else {
        imports.release(id, claim);
      }
    }
  }

  /** Settles one batch of lines and notes it, in one transaction. */
  private void settle(
      UUID id, UUID claim, OrderImportStore.Work work, OrderLineRules rules, int batch) {
    transaction.executeWithoutResult(
        status -> {
          if (!imports.stillHeld(id, claim)) {
            throw new ClaimLost();
          }
          List<OrderLineRules.Checked> lines = new ArrayList<>();
          for (OrderFile.Line line : OrderFile.lines(imports.batchLines(id, batch))) {
            lines.add(rules.check(line.number(), line.cells()));
          }
          Instant now = clock.instant();
          OrderImportBatch.Settled settled =
              batches.settle(work.actor(), id, work.fileName(), work.options(), lines, now);
          imports.batchSettled(id, batch, report(settled.unimported()));
          imports.progress(id, settled.counts(), now);
        });
  }

  /**
   * Tells the next customers of the import of their purchases, in one transaction; returns the last
   * of them, or null when there were none left.
   */
  private @Nullable UUID tellCustomers(
      UUID id, UUID claim, OrderImportStore.Work work, @Nullable UUID after) {
    return transaction.execute(
        status -> {
          if (!imports.stillHeld(id, claim)) {
            throw new ClaimLost();
          }
          List<ImportedOrderStore.CustomerOrders> customers =
              orders.customersOf(id, after, properties.customersPerBatch());
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
                  work.actor().workspaceId(),
                  id,
                  work.fileName(),
                  now,
                  work.actor().displayName(),
                  purchases));
          UUID last = customers.get(customers.size() - 1).customerId();
          imports.customersSettled(id, customers.size(), last, now);
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

  private static @Nullable Instant instant(@Nullable LocalDate date) {
    return date == null ? null : date.atStartOfDay(BUSINESS_ZONE).toInstant();
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
      CsvRecords.write(text, row);
    }
    return text.toString();
  }

  /**
   * Another worker took the import over (this one was thought to have stopped); this one leaves it.
   */
  private static final class ClaimLost extends RuntimeException {}
}
