package org.guanxi.crm.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's settings of the current workspace, kept in the module's own table of one row per
 * workspace (primary key {@code workspace_id}, and a {@code version}): the defaults, at version 0,
 * until an administrator saves them; a change names the version it read, and one made on an older
 * version is refused. A module's store extends it with its table, columns and defaults and saves
 * its settings through {@link #saveValues}.
 */
public abstract class WorkspaceSettingsStore<S> {

  private final JdbcClient jdbc;
  private final String table;
  private final List<String> columns;
  private final RowMapper<S> reader;
  private final S defaults;

  /**
   * @param table the module's table
   * @param columns the settings' columns, in the order {@code reader} reads them ({@code version}
   *     follows them) and {@link #saveValues} takes their values
   * @param reader makes the settings of a row
   * @param defaults the settings while none are saved
   */
  protected WorkspaceSettingsStore(
      JdbcClient jdbc, String table, List<String> columns, RowMapper<S> reader, S defaults) {
    this.jdbc = jdbc;
    this.table = table;
    this.columns = List.copyOf(columns);
    this.reader = reader;
    this.defaults = defaults;
  }

  /** The current workspace's settings; the defaults while none are saved. */
  public S current() {
    return jdbc.sql("select " + String.join(", ", columns) + ", version from " + table)
        .query(reader)
        .optional()
        .orElse(defaults);
  }

  /**
   * Saves the settings' {@code values} (in the order of the columns) if they are still at {@code
   * expectedVersion}; false when they changed meanwhile.
   */
  protected boolean saveValues(long expectedVersion, Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          table + " takes " + columns.size() + " values, not " + values.length);
    }
    Map<String, Object> params = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      params.put("v" + i, values[i]);
    }
    params.put("expected", expectedVersion);
    String placeholders =
        IntStream.range(0, columns.size())
            .mapToObj(i -> ":v" + i)
            .collect(Collectors.joining(", "));
    String assignments =
        columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                insert into %1$s (workspace_id, %2$s, version)
                values (guanxi_current_workspace(), %3$s, 1)
                on conflict (workspace_id) do update set %4$s, version = %1$s.version + 1
                  where %1$s.version = :expected
                """
                    .formatted(table, String.join(", ", columns), placeholders, assignments))
            .params(params));
  }

  /**
   * What a settings API answers to a replacement made at the {@code expected} version: the settings
   * as saved ({@code saveAt} saves them and answers whether that version was still current), or a
   * {@link StaleVersion} of {@code kind} with the current version.
   */
  public ResponseEntity<S> replace(
      String kind, long expected, ToLongFunction<S> version, LongPredicate saveAt) {
    if (expected != version.applyAsLong(current()) || !saveAt.test(expected)) {
      throw new StaleVersion(kind, version.applyAsLong(current()));
    }
    S saved = current();
    return VersionedResponses.ok(saved, version.applyAsLong(saved));
  }
}
