package org.guanxi.crm.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way a module's records follow a merged duplicate customer to the survivor: its listener
 * of the customer module's merge moves the rows of its own table that name the duplicate in {@code
 * customer_id}. A second run moves nothing more, so the listener may be retried until it succeeds.
 */
public final class MergedCustomers {

  private MergedCustomers() {}

  /**
   * Moves the rows of {@code table} from customer {@code duplicateId} to {@code survivorId}, each
   * stamped {@code updated_at} {@code now} and at its next version; how many moved.
   */
  public static int moveToSurvivor(
      JdbcClient jdbc, String table, UUID duplicateId, UUID survivorId, Instant now) {
    return moveToSurvivor(jdbc, table, duplicateId, survivorId, now, null);
  }

  /**
   * {@link #moveToSurvivor(JdbcClient, String, UUID, UUID, Instant)}, only the rows for which
   * {@code condition} holds as well; it may name the survivor as {@code :survivor} (the rows whose
   * like the survivor has not got yet).
   */
  public static int moveToSurvivor(
      JdbcClient jdbc,
      String table,
      UUID duplicateId,
      UUID survivorId,
      Instant now,
      @Nullable String condition) {
    return jdbc.sql(
            "update "
                + table
                + " set customer_id = :survivor, updated_at = :now, version = version + 1"
                + " where customer_id = :duplicate"
                + (condition == null ? "" : " and " + condition))
        .param("survivor", survivorId)
        .param("duplicate", duplicateId)
        .param("now", Timestamp.from(now))
        .update();
  }
}
