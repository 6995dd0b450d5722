package org.guanxi.crm.platform;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ReflectionUtils;

/**
 * The rows that belong to records a store has read (a deal's or an order's product lines), read for
 * a whole page of records in one query instead of one query per record; and written from their
 * records' components.
 */
public final class ChildRows {

  private ChildRows() {}

  /**
   * The rows {@code select} finds for the records {@code ids} (its one parameter, as in {@code
   * parent_id = any(?)}), by the record's id in the column {@code parent}, each record's in the
   * order the select gives them; empty without ids.
   */
  public static <T> Map<UUID, List<T>> byParent(
      JdbcClient jdbc, String select, String parent, List<UUID> ids, RowMapper<T> row) {
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

  /**
   * Inserts the rows of the record {@code parentId} with {@code insert}, one statement a row: its
   * parameters are the row's components by name (such as {@code :unitPrice}) and the record's id as
   * {@code :parent}.
   */
  public static void insert(
      JdbcClient jdbc, String insert, UUID parentId, List<? extends Record> rows) {
    for (Record row : rows) {
      MapSqlParameterSource params = new MapSqlParameterSource("parent", parentId);
      for (RecordComponent component : row.getClass().getRecordComponents()) {
        Method accessor = component.getAccessor();
        ReflectionUtils.makeAccessible(accessor);
        params.addValue(component.getName(), ReflectionUtils.invokeMethod(accessor, row));
      }
      jdbc.sql(insert).paramSource(params).update();
    }
  }
}
