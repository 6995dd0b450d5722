package org.guanxi.crm.privacy;

import java.util.UUID;

/**
 * Where a sealed value is kept: its table, column and row, in the current workspace. A value is
 * sealed for its place and opens only there, so that one copied to another row, column, table or
 * workspace (by a wrong query, or by someone who can write to the database) does not open.
 *
 * @param row the row's key as text; a key of two parts (an import and a row of it) joined by {@code
 *     /}
 */
public record FieldContext(String table, String column, String row) {

  public FieldContext {
    if (table.isEmpty() || column.isEmpty() || row.isEmpty()) {
      throw new IllegalArgumentException("A sealed value's table, column and row are named");
    }
  }

  public static FieldContext of(String table, String column, UUID row) {
    return new FieldContext(table, column, row.toString());
  }

  /** A row with a key of two parts, such as the row of an import or the batch of an import. */
  public static FieldContext of(String table, String column, UUID row, long part) {
    return new FieldContext(table, column, row + "/" + part);
  }
}
