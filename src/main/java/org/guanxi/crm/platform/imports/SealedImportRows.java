package org.guanxi.crm.platform.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sealed columns of a table of an import's parts (the rows it held or reported, the batches of
 * its lines), keyed by {@code import_id} and a number, offered to the key rotation: it seals the
 * values of some parts again at a time, those not sealed with the current key. The module says how
 * a value is sealed again ({@link Sealer}), as only it knows the cipher and the context of the
 * value.
 */
public class SealedImportRows implements SealedColumns<SealedImportRows.Row> {

  /** A part of an import, as the key rotation pages through them. */
  public record Row(UUID importId, int number) {}

  /** Seals a value of a part again with the current key. */
  @FunctionalInterface
  public interface Sealer {

    /**
     * The value of {@code column} sealed again with the current key; null when it is sealed with it
     * already.
     */
    byte @Nullable [] resealed(byte[] value, String column, Row row);
  }

  protected final JdbcClient jdbc;
  protected final JdbcTemplate batchJdbc;
  private final String table;
  private final String number;
  private final List<String> columns;
  private final int rowsPerBatch;
  private final Sealer sealer;

  /**
   * The sealed {@code columns} of {@code table}, whose parts are numbered in the column {@code
   * number} within their import (a value may be null), sealed again {@code rowsPerBatch} parts at a
   * time by {@code sealer}.
   */
  public SealedImportRows(
      JdbcClient jdbc,
      JdbcTemplate batchJdbc,
      String table,
      String number,
      List<String> columns,
      int rowsPerBatch,
      Sealer sealer) {
    this.jdbc = jdbc;
    this.batchJdbc = batchJdbc;
    this.table = table;
    this.number = number;
    this.columns = List.copyOf(columns);
    this.rowsPerBatch = rowsPerBatch;
    this.sealer = sealer;
  }

  @Override
  public String table() {
    return table;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  /** Seals again the values of the next parts that are not sealed with the current key. */
  @Override
  public @Nullable Row resealAfter(@Nullable Row after) {
    Row from = after == null ? new Row(new UUID(0, 0), Integer.MIN_VALUE) : after;
    String key = "import_id, " + number;
    List<Row> rows = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    jdbc.sql(
            "select "
                + key
                + ", "
                + String.join(", ", columns)
                + " from "
                + table
                + " where ("
                + key
                + ") > (?, ?) order by "
                + key
                + " limit ? for update")
        .params(from.importId(), from.number(), rowsPerBatch)
        .query(
            rs -> {
              Row row = new Row(rs.getObject(1, UUID.class), rs.getInt(2));
              rows.add(row);
              @Nullable Object[] update = new Object[columns.size() + 2];
              boolean changed = false;
              for (int i = 0; i < columns.size(); i++) {
                byte @Nullable [] value = rs.getBytes(3 + i);
                byte @Nullable [] resealed =
                    value == null ? null : sealer.resealed(value, columns.get(i), row);
                changed |= resealed != null;
                update[i] = resealed == null ? value : resealed;
              }
              if (changed) {
                update[columns.size()] = row.importId();
                update[columns.size() + 1] = row.number();
                updates.add(update);
              }
            });
    if (!updates.isEmpty()) {
      batchJdbc.batchUpdate(
          "update "
              + table
              + " set "
              + String.join(" = ?, ", columns)
              + " = ? where import_id = ? and "
              + number
              + " = ?",
          updates);
    }
    return rows.isEmpty() ? null : rows.get(rows.size() - 1);
  }
}
