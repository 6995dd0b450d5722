package org.guanxi.crm.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way a module's records follow a merged duplicate customer to the survivor: its listener
 * of the customer module's merge moves the rows of its own table that name the duplicate in {@code
 * customer_id}. A second run moves nothing more, so the listener may be retried until it succeeds.
 */
@Component
public class MergedCustomers {

  private final JdbcClient jdbc;
  private final Clock clock;

  MergedCustomers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Moves the rows of {@code table} from customer {@code duplicateId} to {@code survivorId}, each
   * stamped {@code updated_at} now and at its next version; how many moved.
   */
  public int moveToSurvivor(String table, UUID duplicateId, UUID survivorId) {
    return moveToSurvivor(table, duplicateId, survivorId, null);
  }

  /**
   * {@link #moveToSurvivor(String, UUID, UUID)}, only the rows for which {@code condition} holds as
   * well; it may name the survivor as {@code :survivor} (the rows whose like the survivor has not
   * got yet).
   */
  public int moveToSurvivor(
      String table, UUID duplicateId, UUID survivorId, @Nullable String condition) {
    return jdbc.sql(
            "update "
                + table
                + " set customer_id = :survivor, updated_at = :now, version = version + 1"
                + " where customer_id = :duplicate"
                + (condition == null ? "" : " and " + condition))
        .param("survivor", survivorId)
        .param("duplicate", duplicateId)
        .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
        .update();
  }
}
