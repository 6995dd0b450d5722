package org.guanxi.crm.platform;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SimplePropertyRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ReflectionUtils;

/**
 * The rows that belong to records a store keeps (a deal's or an order's product lines), each row a
 * record of type {@code T}: read for a whole page of records in one query instead of one query per
 * record, written from the row's components, and replaced all at once when their record changes.
 *
 * @param <T> a row, its components named as the columns ({@code unitPrice} for {@code unit_price})
 */
public final class ChildRows<T extends Record> {

  private final String table;
  private final String parent;
  private final String select;
  private final String insert;
  private final RowMapper<T> row;

  /**
   * @param table the table of the rows
   * @param parent the column of the rows that holds their record's id
   * @param select the rows of the records whose ids are its one parameter (as in {@code parent =
   *     any(?)}), each record's in the order the select gives them
   * @param insert one row: its parameters are the row's components by name (such as {@code
   *     :unitPrice}) and the record's id as {@code :parent}
   */
  public ChildRows(Class<T> type, String table, String parent, String select, String insert) {
    this.table = table;
    this.parent = parent;
    this.select = select;
    this.insert = insert;
    this.row = new SimplePropertyRowMapper<>(type);
  }

  /**
   * The records with their rows.
   *
   * @param with the record with its rows
   */
  public <R> List<R> attach(
      JdbcClient jdbc, List<R> records, Function<R, UUID> id, BiFunction<R, List<T>, R> with) {
    Map<UUID, List<T>> rows = byParent(jdbc, records.stream().map(id).toList());
    return records.stream()
        .map(r -> with.apply(r, rows.getOrDefault(id.apply(r), List.of())))
        .toList();
  }

  /** The record with its rows. */
  public <R> R attach(
      JdbcClient jdbc, R record, Function<R, UUID> id, BiFunction<R, List<T>, R> with) {
    return attach(jdbc, List.of(record), id, with).get(0);
  }

  /** The rows of the records {@code ids}, by record; empty without ids. */
  private Map<UUID, List<T>> byParent(JdbcClient jdbc, List<UUID> ids) {
    Map<UUID, List<T>> rows = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return rows;
    }
    int[] count = {0};
    jdbc.sql(select)
        .param(ids.toArray(UUID[]::new))
        .query(
            (ResultSet rs) -> {
              rows.computeIfAbsent(rs.getObject(parent, UUID.class), k -> new ArrayList<>())
                  .add(row.mapRow(rs, count[0]++));
            });
    return rows;
  }

  /** Inserts the rows of the record {@code parentId}, one statement a row. */
  public void insert(JdbcClient jdbc, UUID parentId, List<T> rows) {
    for (T child : rows) {
      MapSqlParameterSource params = new MapSqlParameterSource("parent", parentId);
      for (RecordComponent component : child.getClass().getRecordComponents()) {
        Method accessor = component.getAccessor();
        ReflectionUtils.makeAccessible(accessor);
        params.addValue(component.getName(), ReflectionUtils.invokeMethod(accessor, child));
      }
      jdbc.sql(insert).paramSource(params).update();
    }
  }

  /**
   * Changes the record {@code id} as {@link StoreWrites#updateAtVersion(JdbcClient, String, Map,
   * UUID, long, Instant)} does and, when it was still at {@code expectedVersion}, replaces its rows
   * with {@code rows}; true when it was.
   */
  public boolean updateAtVersion(
      JdbcClient jdbc,
      String update,
      Map<String, ?> params,
      UUID id,
      long expectedVersion,
      Instant now,
      List<T> rows) {
    boolean updated = StoreWrites.updateAtVersion(jdbc, update, params, id, expectedVersion, now);
    if (updated) {
      jdbc.sql("delete from " + table + " where " + parent + " = ?").param(id).update();
      insert(jdbc, id, rows);
    }
    return updated;
  }
}
