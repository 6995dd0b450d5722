package org.guanxi.crm.platform;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a store that change one row at most: an update or delete that holds only while the
 * row is still at the version the caller read (or in the state it expects). Each answers whether it
 * changed the row, so that the service can answer a stale version with {@link StaleVersion} and a
 * missing row with {@link RecordNotFound} instead of overwriting anything.
 */
public final class StoreWrites {

  private StoreWrites() {}

  /** Runs a statement that changes one row at most; true when it changed one. */
  public static boolean changedOne(JdbcClient.StatementSpec statement) {
    return statement.update() == 1;
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
