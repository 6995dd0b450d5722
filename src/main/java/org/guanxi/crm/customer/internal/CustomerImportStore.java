package org.guanxi.crm.customer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.internal.CustomerImport.RowStatus;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/**
 * Imports and their held rows in PostgreSQL. The uploaded file and the values of held rows are
 * personal data in plain text, so they are sealed with the field cipher like the customer's own
 * personal data: the file for its import, a row's values for that row of the import. A key rotation
 * seals the files again through {@link #files}, the rows through {@link #resealedHeldValues}.
 */
@Repository
class CustomerImportStore extends ImportJobs<CustomerImportField, CustomerImportStore.Work> {

  private static final TypeReference<List<ImportRules.RowError>> ERRORS = new TypeReference<>() {};
  private static final String COLUMNS =
      """
      i.id, i.created_by, i.file_name, i.file_format, i.headers, i.mapping::text as mapping, i.status, i.total_rows,
      i.rows_done, i.imported, i.rejected, i.duplicates, i.failure, i.created_at, i.started_at, i.finished_at,
      (select coalesce(jsonb_object_agg(d.status, d.count), '{}')::text from (select r.status, count(*) as count
         from customer_import_row r where r.import_id = i.id and r.status in ('CREATED', 'SKIPPED', 'MERGED')
         group by r.status) d) as decided
      """;
  private static final int ROWS_PER_INSERT = 500;

  /** What a worker needs to run an import: the attempt, the file and the rows done already. */
  record Work(ImportWorker.Attempt<CustomerImportField> attempt, byte[] file, int rowsDone)
      implements ImportWorker.Work {}

  private final FieldCipher cipher;

  CustomerImportStore(JdbcClient jdbc, FieldCipher cipher) {
    super(jdbc, "customer_import", CustomerImportField.class, "file_enc, rows_done");
    this.cipher = cipher;
  }

  void insert(
      UUID id,
      CurrentUser actor,
      String fileName,
      String format,
      byte[] content,
      List<String> headers,
      ColumnMapping<CustomerImportField> mapping,
      ImportStatus status,
      int totalRows,
      Instant now) {
    jdbc.sql(
            """
            insert into customer_import (workspace_id, id, created_by, actor, file_name, file_format, file_enc, headers,
              mapping, status, total_rows, created_at)
            values (guanxi_current_workspace(), :id, :createdBy, cast(:actor as jsonb), :fileName, :format, :file, :headers,
              cast(:mapping as jsonb), :status, :totalRows, :now)
            """)
        .param("id", id)
        .param("createdBy", actor.id())
        .param("actor", JSON.writeValueAsString(actor))
        .param("fileName", fileName)
        .param("format", format)
        .param(
            "file", cipher.encrypt(Base64.getEncoder().encodeToString(content), uploadedFile(id)))
        .param("headers", headers.toArray(String[]::new))
        .param("mapping", JSON.writeValueAsString(mapping.keys()))
        .param("status", status.name())
        .param("totalRows", totalRows)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** An import as its creator sees it; other users' imports are not found. */
  Optional<CustomerImport> find(UUID id, UUID createdBy) {
    return findOwn(id, createdBy, COLUMNS, this::customerImport);
  }

  List<CustomerImport> recent(UUID createdBy, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from customer_import i where i.created_by = ? order by i.created_at desc, i.id desc limit ?")
        .params(createdBy, limit)
        .query(this::customerImport)
        .list();
  }

  /** Starts an import that waited for its mapping; false when it was not waiting. */
  boolean queue(UUID id, ColumnMapping<CustomerImportField> mapping) {
    return jdbc.sql(
                """
                update customer_import set mapping = cast(? as jsonb), status = 'QUEUED', version = version + 1
                where id = ? and status = 'MAPPING'
                """)
            .params(JSON.writeValueAsString(mapping.keys()), id)
            .update()
        == 1;
  }

  @Override
  protected void dropUpload(UUID id) {
    jdbc.sql("update customer_import set file_enc = null where id = ?").param(id).update();
  }

  @Override
  protected Work work(UUID id, ImportWorker.Attempt<CustomerImportField> attempt, ResultSet rs)
      throws SQLException {
    return new Work(
        attempt,
        Base64.getDecoder().decode(cipher.decrypt(rs.getBytes("file_enc"), uploadedFile(id))),
        rs.getInt("rows_done"));
  }

  void progress(UUID id, int rows, int imported, int rejected, int duplicates, Instant now) {
    jdbc.sql(
            """
            update customer_import set rows_done = rows_done + ?, imported = imported + ?, rejected = rejected + ?,
              duplicates = duplicates + ?, heartbeat_at = ?, version = version + 1
            where id = ?
            """)
        .params(rows, imported, rejected, duplicates, Timestamp.from(now), id)
        .update();
  }

  void addImported(UUID id, int count) {
    jdbc.sql(
            "update customer_import set imported = imported + ?, version = version + 1 where id = ?")
        .params(count, id)
        .update();
  }

  /** Keeps the rows not simply imported: rejected, or held as possible duplicates. */
  void keep(UUID importId, List<CustomerImport.Row> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      List<CustomerImport.Row> part =
          rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
      Map<String, Object> params = new HashMap<>();
      params.put("importId", importId);
      List<String> values = new ArrayList<>();
      for (int i = 0; i < part.size(); i++) {
        CustomerImport.Row row = part.get(i);
        params.put("number_" + i, row.number());
        params.put("status_" + i, row.status().name());
        params.put(
            "values_" + i,
            cipher.encrypt(
                JSON.writeValueAsString(row.values()), heldValues(importId, row.number())));
        params.put("errors_" + i, JSON.writeValueAsString(row.errors()));
        params.put("candidate_" + i, row.candidateId());
        params.put("reasons_" + i, row.reasons().stream().map(Enum::name).toArray(String[]::new));
        values.add(
            "(guanxi_current_workspace(), :importId, :number_%1$d, :status_%1$d, :values_%1$d, cast(:errors_%1$d as jsonb), :candidate_%1$d, cast(:reasons_%1$d as text[]))"
                .formatted(i));
      }
      jdbc.sql(
              "insert into customer_import_row (workspace_id, import_id, row_number, status, values_enc, errors, candidate_id, reasons) values "
                  + String.join(",", values))
          .params(params)
          .update();
    }
  }

  /** Rows of an import in one state, in file order, after a row number (for paging). */
  List<CustomerImport.Row> rows(UUID importId, RowStatus status, int afterRow, int limit) {
    return jdbc.sql(
            """
            select row_number, status, values_enc, errors::text, candidate_id, reasons, customer_id from customer_import_row
            where import_id = ? and status = ? and row_number > ? order by row_number limit ?
            """)
        .params(importId, status.name(), afterRow, limit)
        .query((rs, n) -> row(importId, rs))
        .list();
  }

  /** A row locked for a decision. */
  Optional<CustomerImport.Row> rowForUpdate(UUID importId, int number) {
    return jdbc.sql(
            """
            select row_number, status, values_enc, errors::text, candidate_id, reasons, customer_id from customer_import_row
            where import_id = ? and row_number = ? for update
            """)
        .params(importId, number)
        .query((rs, n) -> row(importId, rs))
        .optional();
  }

  void decide(
      UUID importId,
      int number,
      RowStatus status,
      @Nullable UUID customerId,
      UUID decidedBy,
      Instant now) {
    jdbc.sql(
            """
            update customer_import_row set status = ?, customer_id = ?, decided_by = ?, decided_at = ?
            where import_id = ? and row_number = ?
            """)
        .params(status.name(), customerId, decidedBy, Timestamp.from(now), importId, number)
        .update();
  }

  private CustomerImport.Row row(UUID importId, ResultSet rs) throws SQLException {
    int number = rs.getInt("row_number");
    return new CustomerImport.Row(
        number,
        RowStatus.valueOf(rs.getString("status")),
        JSON.readValue(
            cipher.decrypt(rs.getBytes("values_enc"), heldValues(importId, number)), TEXTS),
        JSON.readValue(rs.getString("errors"), ERRORS),
        rs.getObject("candidate_id", UUID.class),
        strings(rs.getArray("reasons")).stream().map(DuplicateFinder.Reason::valueOf).toList(),
        rs.getObject("customer_id", UUID.class));
  }

  private CustomerImport customerImport(ResultSet rs, int n) throws SQLException {
    Map<RowStatus, Integer> decided = new EnumMap<>(RowStatus.class);
    JSON.readValue(rs.getString("decided"), new TypeReference<Map<String, Integer>>() {})
        .forEach((status, count) -> decided.put(RowStatus.valueOf(status), count));
    return new CustomerImport(
        rs.getObject("id", UUID.class),
        rs.getObject("created_by", UUID.class),
        rs.getString("file_name"),
        rs.getString("file_format"),
        strings(rs.getArray("headers")),
        JSON.readValue(rs.getString("mapping"), TEXTS),
        ImportStatus.valueOf(rs.getString("status")),
        rs.getInt("total_rows"),
        rs.getInt("rows_done"),
        rs.getInt("imported"),
        rs.getInt("rejected"),
        rs.getInt("duplicates"),
        decided,
        rs.getString("failure"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")));
  }

  private static FieldContext uploadedFile(UUID importId) {
    return FieldContext.of("customer_import", "file_enc", importId);
  }

  private static FieldContext heldValues(UUID importId, int row) {
    return FieldContext.of("customer_import_row", "values_enc", importId, row);
  }

  /** The uploaded files of imports, sealed, offered to the key rotation. */
  SealedColumns<UUID> files() {
    return SealedColumns.of("customer_import", List.of("file_enc"), this::resealFileAfter);
  }

  /**
   * Seals the uploaded file of the next import that still has one again, if it is not sealed with
   * the current key: one at a time, as a file may be large.
   */
  private @Nullable UUID resealFileAfter(@Nullable UUID after) {
    record Sealed(UUID id, byte[] file) {}
    Optional<Sealed> next =
        jdbc.sql(
                """
                select id, file_enc from customer_import where id > ? and file_enc is not null
                order by id limit 1 for update
                """)
            .params(after == null ? new UUID(0, 0) : after)
            .query((rs, n) -> new Sealed(rs.getObject(1, UUID.class), rs.getBytes(2)))
            .optional();
    next.filter(upload -> !cipher.isCurrent(upload.file()))
        .ifPresent(
            upload ->
                jdbc.sql("update customer_import set file_enc = ? where id = ?")
                    .params(cipher.reseal(upload.file(), uploadedFile(upload.id())), upload.id())
                    .update());
    return next.map(Sealed::id).orElse(null);
  }

  /**
   * The values of a held row sealed again with the current key, or null when they are sealed with
   * it already: the key rotation goes through the held rows with this ({@link
   * ImportConfiguration#heldImportRows}).
   */
  byte @Nullable [] resealedHeldValues(byte[] values, String column, SealedImportRows.Row row) {
    return cipher.isCurrent(values)
        ? null
        : cipher.reseal(values, heldValues(row.importId(), row.number()));
  }
}
