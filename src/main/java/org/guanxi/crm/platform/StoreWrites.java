package org.guanxi.crm.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a store that change one row at most: an update or delete that holds only while the
 * row is still at the version the caller read (or in the state it expects). Each answers whether it
 * changed the row, so that the service can answer a stale version with {@link StaleVersion} and a
 * missing row with {@link RecordNotFound} instead of overwriting anything. Besides them: the insert
 * of a new row, stamped with its id and time, and the check that a value meant to be unique is not
 * taken yet.
 */
public final class StoreWrites {

  private StoreWrites() {}

  /** Runs a statement that changes one row at most; true when it changed one. */
  public static boolean changedOne(JdbcClient.StatementSpec statement) {
    return statement.update() == 1;
  }

  /**
   * Runs {@code insert}, a statement that adds the row {@code :id} stamped {@code :now}, with the
   * named parameters {@code params} besides.
   */
  public static void insert(
      JdbcClient jdbc, String insert, Map<String, ?> params, UUID id, Instant now) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("id", id);
    all.put("now", Timestamp.from(now));
    jdbc.sql(insert).params(all).update();
  }

  /**
   * Changes the row {@code id} while it is still at {@code expectedVersion}: {@code update}, up to
   * its last assignment ({@code "update product set name = :name, ..."}) with the named parameters
   * {@code params}, stamped {@code updated_at} {@code now} and moved to the next version; true when
   * it changed the row.
   */
  public static boolean updateAtVersion(
      JdbcClient jdbc,
      String update,
      Map<String, ?> params,
      UUID id,
      long expectedVersion,
      Instant now) {
    return updateAtVersion(jdbc, update, null, params, id, expectedVersion, now);
  }

  /**
   * {@link #updateAtVersion(JdbcClient, String, Map, UUID, long, Instant)} where {@code condition}
   * (a state the row must be in, such as {@code "deleted_at is null"}) also holds.
   */
  public static boolean updateAtVersion(
      JdbcClient jdbc,
      String update,
      @Nullable String condition,
      Map<String, ?> params,
      UUID id,
      long expectedVersion,
      Instant now) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("id", id);
    all.put("version", expectedVersion);
    all.put("now", Timestamp.from(now));
    String sql =
        update.strip()
            + ", updated_at = :now, version = version + 1 where id = :id and version = :version"
            + (condition == null ? "" : " and " + condition);
    return changedOne(jdbc.sql(sql).params(all));
  }

  /**
   * Whether a row of {@code table} other than {@code except} already holds {@code value}, which
   * must be unique: {@code condition} compares it as the parameter {@code :value} ({@code "number =
   * :value"}).
   */
  public static boolean taken(
      JdbcClient jdbc, String table, String condition, Object value, @Nullable UUID except) {
    return jdbc.sql(
            "select exists (select 1 from "
                + table
                + " where "
                + condition
                + " and id is distinct from :except)")
        .param("value", value)
        .param("except", except)
        .query(Boolean.class)
        .single();
  }

  /**
   * Deletes the row {@code id} of the table that {@code deleteFrom} names ({@code "delete from
   * team"}) while it is still at {@code expectedVersion}; false when it is gone or was changed.
   */
  public static boolean deleteAtVersion(
      JdbcClient jdbc, String deleteFrom, UUID id, long expectedVersion) {
    return changedOne(
        jdbc.sql(deleteFrom + " where id = ? and version = ?").params(id, expectedVersion));
  }
}
