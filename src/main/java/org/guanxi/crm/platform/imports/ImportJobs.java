package org.guanxi.crm.platform.imports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.JobQueue;
import org.guanxi.crm.platform.Jobs;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a module's imports that run in the background, as the {@link JobQueue} of its job
 * kind: a table of the module's own (named by it) with the columns {@code id}, {@code status}
 * ({@link ImportStatus}), {@code claim}, {@code attempts}, {@code heartbeat_at}, {@code
 * started_at}, {@code finished_at}, {@code failure} and {@code version}, and what every import's
 * worker needs of it ({@link ImportWorker.Attempt}): {@code actor} (JSON), {@code headers}, {@code
 * mapping} (JSON, of the fields {@code F}). The module's store extends it, reads the rest of what
 * its worker needs ({@code W}) and says what of the upload is dropped once the import has ended.
 */
public abstract class ImportJobs<F extends Enum<F> & ImportField, W extends ImportWorker.Work>
    implements JobQueue {

  /** Reads and writes the import rows' JSON columns (the actor, the mapping). */
  protected static final JsonMapper JSON = JsonMapper.builder().build();

  /** Texts by text, as a mapping's JSON keeps its field keys by header. */
  protected static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  protected final JdbcClient jdbc;
  private final String table;
  private final Class<F> fields;
  private final String workColumns;

  /**
   * The imports in {@code table}, whose columns fill {@code fields}; {@code workColumns}: the
   * module's own columns its worker needs, read by {@link #work(UUID, ImportWorker.Attempt,
   * ResultSet)}.
   */
  protected ImportJobs(JdbcClient jdbc, String table, Class<F> fields, String workColumns) {
    this.jdbc = jdbc;
    this.table = table;
    this.fields = fields;
    this.workColumns = workColumns;
  }

  /**
   * What a worker needs of an import that it runs under {@code claim}; none when it runs no more.
   */
  public Optional<W> work(UUID id, UUID claim) {
    return jdbc.sql(
            "select actor::text as actor, headers, mapping::text as mapping, attempts, "
                + workColumns
                + " from "
                + table
                + " where id = ? and claim = ? and status = 'RUNNING'")
        .params(id, claim)
        .query(
            (rs, n) ->
                work(
                    id,
                    new ImportWorker.Attempt<>(
                        JSON.readValue(rs.getString("actor"), CurrentUser.class),
                        strings(rs.getArray("headers")),
                        mapping(fields, rs.getString("mapping")),
                        rs.getInt("attempts")),
                    rs))
        .optional();
  }

  /**
   * What the worker needs of import {@code id}: the {@code attempt} at it, with the module's own
   * {@code workColumns} of its row {@code rs} (read by their names).
   */
  protected abstract W work(UUID id, ImportWorker.Attempt<F> attempt, ResultSet rs)
      throws SQLException;

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

  /**
   * Throws {@link Jobs.ClaimLost} unless the worker still holds the import ({@link #stillHeld}).
   */
  public void requireHeld(UUID id, UUID claim, boolean lock) {
    if (!stillHeld(id, claim, lock)) {
      throw new Jobs.ClaimLost();
    }
  }

  /**
   * An import as its creator sees it (its {@code columns}, the table named {@code i}); other users'
   * imports are not found.
   */
  protected <T> Optional<T> findOwn(UUID id, UUID createdBy, String columns, RowMapper<T> row) {
    return jdbc.sql(
            "select " + columns + " from " + table + " i where i.id = ? and i.created_by = ?")
        .params(id, createdBy)
        .query(row)
        .optional();
  }

  /** A mapping of {@code fields} as its JSON column keeps it ({@code header → field key}). */
  protected static <F extends Enum<F> & ImportField> ColumnMapping<F> mapping(
      Class<F> fields, String json) {
    return ColumnMapping.ofKeys(fields, JSON.readValue(json, TEXTS));
  }

  protected static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  protected static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
