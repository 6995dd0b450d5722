package org.guanxi.crm.platform.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.JobQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a module's imports that run in the background, as the {@link JobQueue} of its job
 * kind: a table of the module's own (named by it) with the columns {@code id}, {@code status}
 * ({@link ImportStatus}), {@code claim}, {@code attempts}, {@code heartbeat_at}, {@code
 * started_at}, {@code finished_at}, {@code failure} and {@code version}. The module's store extends
 * it and says what of the upload is dropped once the import has ended.
 */
public abstract class ImportJobs implements JobQueue {

  protected final JdbcClient jdbc;
  private final String table;

  protected ImportJobs(JdbcClient jdbc, String table) {
    this.jdbc = jdbc;
    this.table = table;
  }

  /** Drops what was kept of the upload (its sealed file or lines) once the import has ended. */
  protected abstract void dropUpload(UUID id);

  @Override
  public boolean start(UUID id, UUID claim, Instant now) {
    return jdbc.sql(
                "update "
                    + table
                    + """
                     set status = 'RUNNING', claim = ?, heartbeat_at = ?, attempts = attempts + 1,
                      started_at = coalesce(started_at, ?), version = version + 1
                    where id = ? and status in ('QUEUED', 'RUNNING')
                    """)
            .params(claim, Timestamp.from(now), Timestamp.from(now), id)
            .update()
        == 1;
  }

  @Override
  public void finish(UUID id, UUID claim, Outcome outcome, @Nullable String failure, Instant now) {
    int ended =
        jdbc.sql(
                "update "
                    + table
                    + """
                     set status = ?, failure = ?, finished_at = ?, claim = null, version = version + 1
                    where id = ? and claim = ?
                    """)
            .params(outcome.name(), failure, Timestamp.from(now), id, claim)
            .update();
    if (ended == 1) {
      dropUpload(id);
    }
  }

  @Override
  public void release(UUID id, UUID claim) {
    jdbc.sql(
            "update "
                + table
                + " set status = 'QUEUED', claim = null, version = version + 1 where id = ? and claim = ?")
        .params(id, claim)
        .update();
  }

  /**
   * Whether the worker still holds the import; with {@code lock}, the row is locked until the
   * transaction ends, so that no other worker takes it over before this one's batch is in.
   */
  public boolean stillHeld(UUID id, UUID claim, boolean lock) {
    return jdbc.sql(
            "select 1 from "
                + table
                + " where id = ? and claim = ? and status = 'RUNNING'"
                + (lock ? " for update" : ""))
        .params(id, claim)
        .query(Integer.class)
        .optional()
        .isPresent();
  }
}
