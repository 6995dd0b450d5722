package org.guanxi.crm.platform.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sealed column of a table of an import's rows, keyed by {@code import_id} and {@code
 * row_number} (the rows an import held or reported, with their values as uploaded), offered to the
 * key rotation: it seals the values of a batch of rows again at a time, those not sealed with the
 * current key. The module says how a row's value is sealed again ({@link Sealer}), as only it knows
 * the cipher and the context of the value.
 */
public class SealedImportRows implements SealedColumns<SealedImportRows.Row> {

  /** A row of an import, as the key rotation pages through them. */
  public record Row(UUID importId, int number) {}

  /** Seals the value of a row again with the current key. */
  @FunctionalInterface
  public interface Sealer {

    /** The value sealed again with the current key; null when it is sealed with it already. */
    byte @Nullable [] resealed(byte[] value, Row row);
  }

  protected final JdbcClient jdbc;
  protected final JdbcTemplate batchJdbc;
  private final String table;
  private final String column;
  private final int rowsPerBatch;
  private final Sealer sealer;

  /**
   * The sealed {@code column} of {@code table}, sealed again {@code rowsPerBatch} rows at a time by
   * {@code sealer}.
   */
  public SealedImportRows(
      JdbcClient jdbc,
      JdbcTemplate batchJdbc,
      String table,
      String column,
      int rowsPerBatch,
      Sealer sealer) {
    this.jdbc = jdbc;
    this.batchJdbc = batchJdbc;
    this.table = table;
    this.column = column;
    this.rowsPerBatch = rowsPerBatch;
    this.sealer = sealer;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public List<String> columns() {
    return List.of(column);
  }

  /** Seals again the values of the next rows not sealed with the current key. */
  @Override
  public @Nullable Row resealAfter(@Nullable Row after) {
    Row from = after == null ? new Row(new UUID(0, 0), 0) : after;
    List<Row> rows = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    jdbc.sql(
            "select import_id, row_number, "
                + column
                + " from "
                + table
                + """
                 where (import_id, row_number) > (?, ?) order by import_id, row_number
                limit ? for update
                """)
        .params(from.importId(), from.number(), rowsPerBatch)
        .query(
            rs -> {
              Row row = new Row(rs.getObject(1, UUID.class), rs.getInt(2));
              rows.add(row);
              byte[] resealed = sealer.resealed(rs.getBytes(3), row);
              if (resealed != null) {
                updates.add(new Object[] {resealed, row.importId(), row.number()});
              }
            });
    if (!updates.isEmpty()) {
      batchJdbc.batchUpdate(
          "update " + table + " set " + column + " = ? where import_id = ? and row_number = ?",
          updates);
    }
    return rows.isEmpty() ? null : rows.get(rows.size() - 1);
  }
}
