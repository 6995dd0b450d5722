package org.guanxi.crm.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportJobs;
import org.guanxi.crm.platform.imports.ImportStatus;
import org.guanxi.crm.platform.imports.ImportWorker;
import org.guanxi.crm.platform.imports.SealedImportRows;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.FieldContext;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Order imports and their batches in PostgreSQL. The uploaded lines and the report of the lines not
 * imported name customers, so they are sealed with the field cipher like personal data, each for
 * its batch; a key rotation seals them again through {@link #resealAfter}.
 */
@Repository
class OrderImportStore extends ImportJobs<OrderImportField, OrderImportStore.Work>
    implements SealedColumns<SealedImportRows.Row> {

  private static final String COLUMNS =
      """
      i.id, i.created_by, i.file_name, i.headers, i.mapping::text as mapping, i.options::text as options, i.status,
      i.total_lines, i.batches, i.batches_done, i.lines_done, i.lines_imported, i.orders_created, i.returns_created,
      i.lines_without_customer, i.lines_rejected, i.customers_created, i.products_created, i.customers_settled,
      i.failure, i.created_at, i.started_at, i.finished_at
      """;

  /** What a worker needs to run an import, and how far it got. */
  record Work(
      ImportWorker.Attempt<OrderImportField> attempt,
      String fileName,
      OrderImportOptions options,
      @Nullable UUID settledAfter,
      @Nullable UUID splitCustomer,
      @Nullable UUID upperSettledAfter)
      implements ImportWorker.Work {}

  record Page(List<OrderImport> items, @Nullable String nextCursor) {}

  /** Batches hold up to 10,000 lines (several megabytes): a few at a time. */
  private static final int BATCHES_RESEALED_AT_ONCE = 10;

  private final FieldCipher cipher;
  private final SealedImportRows sealedBatches;

  OrderImportStore(JdbcClient jdbc, JdbcTemplate batchJdbc, FieldCipher cipher) {
    super(
        jdbc,
        "order_import",
        OrderImportField.class,
        "file_name, options::text as options, settled_after, split_customer, upper_settled_after");
    this.cipher = cipher;
    this.sealedBatches =
        new SealedImportRows(
            jdbc,
            batchJdbc,
            "order_import_batch",
            "number",
            List.of("lines_enc", "report_enc"),
            BATCHES_RESEALED_AT_ONCE,
            (value, column, batch) ->
                cipher.isCurrent(value)
                    ? null
                    : cipher.reseal(
                        value,
                        FieldContext.of(
                            "order_import_batch", column, batch.importId(), batch.number())));
  }

  /** Begins an upload; {@link #describe} completes it once the file has been read. */
  void insert(UUID id, CurrentUser actor, String fileName, Instant now) {
    jdbc.sql(
            """
            insert into order_import (workspace_id, id, created_by, actor, file_name, headers, status, total_lines,
              batches, created_at)
            values (guanxi_current_workspace(), :id, :createdBy, cast(:actor as jsonb), :fileName, '{}', 'MAPPING', 0,
              0, :now)
            """)
        .param("id", id)
        .param("createdBy", actor.id())
        .param("actor", JSON.writeValueAsString(actor))
        .param("fileName", fileName)
        .param("now", Timestamp.from(now))
        .update();
  }

  void insertBatch(UUID id, int number, int lines, String text) {
    jdbc.sql(
            """
            insert into order_import_batch (workspace_id, import_id, number, lines, lines_enc)
            values (guanxi_current_workspace(), ?, ?, ?, ?)
            """)
        .params(id, number, lines, cipher.encrypt(text, sealedLines(id, number)))
        .update();
  }

  void describe(
      UUID id,
      List<String> headers,
      ColumnMapping<OrderImportField> mapping,
      OrderImportOptions options,
      ImportStatus status,
      int totalLines,
      int batches) {
    jdbc.sql(
            """
            update order_import set headers = :headers, mapping = cast(:mapping as jsonb),
              options = cast(:options as jsonb), status = :status, total_lines = :total, batches = :batches
            where id = :id
            """)
        .param("headers", headers.toArray(String[]::new))
        .param("mapping", JSON.writeValueAsString(mapping.keys()))
        .param("options", JSON.writeValueAsString(options))
        .param("status", status.name())
        .param("total", totalLines)
        .param("batches", batches)
        .param("id", id)
        .update();
  }

  /** An import as its creator sees it; other users' imports are not found. */
  Optional<OrderImport> find(UUID id, UUID createdBy) {
    return findOwn(id, createdBy, COLUMNS, this::orderImport);
  }

  /** The user's imports, newest first, a page at a time. */
  Page list(UUID createdBy, @Nullable ImportCursor after, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("createdBy", createdBy);
    params.put("limit", limit + 1);
    String where = "i.created_by = :createdBy";
    if (after != null) {
      where += " and (i.created_at, i.id) < (:cursorAt, :cursorId)";
      params.put("cursorAt", Timestamp.from(after.createdAt()));
      params.put("cursorId", after.id());
    }
    List<OrderImport> rows =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from order_import i where "
                    + where
                    + " order by i.created_at desc, i.id desc limit :limit")
            .params(params)
            .query(this::orderImport)
            .list();
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    OrderImport last = rows.get(limit - 1);
    return new Page(
        List.copyOf(rows.subList(0, limit)),
        new ImportCursor(last.createdAt(), last.id()).encode());
  }

  /** Starts an import that waited for its mapping; false when it was not waiting. */
  boolean queue(UUID id, ColumnMapping<OrderImportField> mapping, OrderImportOptions options) {
    return jdbc.sql(
                """
                update order_import set mapping = cast(? as jsonb), options = cast(? as jsonb), status = 'QUEUED',
                  version = version + 1
                where id = ? and status = 'MAPPING'
                """)
            .params(JSON.writeValueAsString(mapping.keys()), JSON.writeValueAsString(options), id)
            .update()
        == 1;
  }

  @Override
  protected void dropUpload(UUID id) {
    jdbc.sql(
            "update order_import_batch set lines_enc = null where import_id = ? and lines_enc is not null")
        .param(id)
        .update();
  }

  @Override
  protected Work work(UUID id, ImportWorker.Attempt<OrderImportField> attempt, ResultSet rs)
      throws SQLException {
    return new Work(
        attempt,
        rs.getString("file_name"),
        JSON.readValue(rs.getString("options"), OrderImportOptions.class),
        rs.getObject("settled_after", UUID.class),
        rs.getObject("split_customer", UUID.class),
        rs.getObject("upper_settled_after", UUID.class));
  }

  /** The numbers of the batches whose lines are still waiting, in order. */
  List<Integer> unsettledBatches(UUID id) {
    return jdbc.sql(
            "select number from order_import_batch where import_id = ? and lines_enc is not null order by number")
        .param(id)
        .query(Integer.class)
        .list();
  }

  /** The lines of a batch as uploaded. */
  String batchLines(UUID id, int number) {
    byte[] sealed =
        jdbc.sql("select lines_enc from order_import_batch where import_id = ? and number = ?")
            .params(id, number)
            .query((rs, n) -> rs.getBytes(1))
            .single();
    if (sealed == null) {
      throw new IllegalStateException("Batch " + number + " of import " + id + " was settled");
    }
    return cipher.decrypt(sealed, sealedLines(id, number));
  }

  /**
   * Drops a settled batch's lines and keeps its report (CSV text; none when empty); false when the
   * batch had been settled already.
   */
  boolean batchSettled(UUID id, int number, @Nullable String report) {
    return jdbc.sql(
                """
                update order_import_batch set lines_enc = null, report_enc = ?
                where import_id = ? and number = ? and lines_enc is not null
                """)
            .params(
                report == null ? null : cipher.encrypt(report, sealedReport(id, number)),
                id,
                number)
            .update()
        == 1;
  }

  /**
   * Adds a settled batch to the import's counts; false when the worker no longer holds the import.
   * It locks the import's row until the transaction ends, so it comes last.
   */
  boolean progress(UUID id, UUID claim, OrderImportBatch.Counts counts, Instant now) {
    return jdbc.sql(
                """
            update order_import set batches_done = batches_done + 1, lines_done = lines_done + :lines,
              lines_imported = lines_imported + :imported, orders_created = orders_created + :orders,
              returns_created = returns_created + :returns,
              lines_without_customer = lines_without_customer + :withoutCustomer,
              lines_rejected = lines_rejected + :rejected, customers_created = customers_created + :customers,
              products_created = products_created + :products, heartbeat_at = :now, version = version + 1
            where id = :id and claim = :claim and status = 'RUNNING'
            """)
            .param("lines", counts.lines())
            .param("imported", counts.imported())
            .param("orders", counts.orders())
            .param("returns", counts.returns())
            .param("withoutCustomer", counts.withoutCustomer())
            .param("rejected", counts.rejected())
            .param("customers", counts.customersCreated())
            .param("products", counts.productsCreated())
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("claim", claim)
            .update()
        == 1;
  }

  /**
   * Notes the median customer of the import, where the two ranges of its customers meet, unless one
   * was noted before; returns the one noted, or nothing when the worker no longer holds the import.
   */
  Optional<UUID> splitCustomers(UUID id, UUID claim, UUID split) {
    return jdbc.sql(
            """
            update order_import set split_customer = coalesce(split_customer, ?)
            where id = ? and claim = ? and status = 'RUNNING'
            returning split_customer
            """)
        .params(split, id, claim)
        .query(UUID.class)
        .optional();
  }

  /**
   * Notes that the customers of one range up to {@code last} were told; false when the worker no
   * longer holds the import. It locks the import's row until the transaction ends, so it comes
   * last.
   */
  boolean customersSettled(
      UUID id, UUID claim, boolean upperRange, int count, UUID last, Instant now) {
    String cursor = upperRange ? "upper_settled_after" : "settled_after";
    return jdbc.sql(
                "update order_import set customers_settled = customers_settled + ?, "
                    + cursor
                    + """
                     = ?, heartbeat_at = ?, version = version + 1
                    where id = ? and claim = ? and status = 'RUNNING'
                    """)
            .params(count, last, Timestamp.from(now), id, claim)
            .update()
        == 1;
  }

  /** The reports of the batches after {@code afterBatch}, in order, up to {@code limit}. */
  List<Report> reports(UUID id, int afterBatch, int limit) {
    return jdbc.sql(
            """
            select number, report_enc from order_import_batch
            where import_id = ? and number > ? and report_enc is not null order by number limit ?
            """)
        .params(id, afterBatch, limit)
        .query(
            (rs, n) ->
                new Report(
                    rs.getInt(1), cipher.decrypt(rs.getBytes(2), sealedReport(id, rs.getInt(1)))))
        .list();
  }

  /** A batch's report: CSV text, a line per line not imported (number, problem, cells). */
  record Report(int batch, String text) {}

  private static FieldContext sealedLines(UUID importId, int batch) {
    return FieldContext.of("order_import_batch", "lines_enc", importId, batch);
  }

  private static FieldContext sealedReport(UUID importId, int batch) {
    return FieldContext.of("order_import_batch", "report_enc", importId, batch);
  }

  @Override
  public String table() {
    return sealedBatches.table();
  }

  @Override
  public List<String> columns() {
    return sealedBatches.columns();
  }

  /**
   * Seals the lines and reports of the next batches again where not sealed with the current key.
   */
  @Override
  public SealedImportRows.@Nullable Row resealAfter(SealedImportRows.@Nullable Row after) {
    return sealedBatches.resealAfter(after);
  }

  private OrderImport orderImport(ResultSet rs, int n) throws SQLException {
    return new OrderImport(
        rs.getObject("id", UUID.class),
        rs.getObject("created_by", UUID.class),
        rs.getString("file_name"),
        strings(rs.getArray("headers")),
        mapping(OrderImportField.class, rs.getString("mapping")),
        JSON.readValue(rs.getString("options"), OrderImportOptions.class),
        ImportStatus.valueOf(rs.getString("status")),
        rs.getInt("total_lines"),
        rs.getInt("batches"),
        rs.getInt("batches_done"),
        rs.getInt("lines_done"),
        new OrderImport.Counts(
            rs.getInt("lines_imported"),
            rs.getInt("orders_created"),
            rs.getInt("returns_created"),
            rs.getInt("lines_without_customer"),
            rs.getInt("lines_rejected"),
            rs.getInt("customers_created"),
            rs.getInt("products_created"),
            rs.getInt("customers_settled")),
        rs.getString("failure"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }
}
