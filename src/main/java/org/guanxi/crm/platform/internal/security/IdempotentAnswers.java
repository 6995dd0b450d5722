package org.guanxi.crm.platform.internal.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.Sealing;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The answers kept for {@code Idempotency-Key}s ({@code idempotent_request}), for 24 hours: a
 * client retries within minutes, and an answer may name a customer. The answer's body and the hash
 * of the request are sealed for their row (a short body, such as a phone number, could be found
 * again from its hash by trying every value), through the {@link Sealing} the privacy module
 * provides. An answer older than 24 hours is never replayed; a clean-up deletes it.
 */
@Component
class IdempotentAnswers implements SealedColumns<IdempotentAnswers.Key> {

  private static final Logger log = LoggerFactory.getLogger(IdempotentAnswers.class);

  /**
   * How long an answer is kept; {@code guanxi_delete_expired_idempotent_requests} (V90) deletes
   * after the same time.
   */
  static final String KEPT_FOR = "24 hours";

  private static final String TABLE = "idempotent_request";
  private static final int DELETED_PER_BATCH = 1_000;
  private static final int RESEALED_PER_BATCH = 500;

  /** A user's key, the row of an answer. */
  record Key(UUID user, String key) {

    String row() {
      return user + "/" + key;
    }
  }

  /** A kept answer, opened; a status of null means the first request is still being carried out. */
  record Answer(
      byte[] requestHash,
      @Nullable Integer status,
      @Nullable String type,
      byte @Nullable [] body,
      @Nullable String location) {}

  private final JdbcClient jdbc;
  private final Sealing sealing;

  IdempotentAnswers(JdbcClient jdbc, Sealing sealing) {
    this.jdbc = jdbc;
    this.sealing = sealing;
  }

  /**
   * Notes that a request with this key is being carried out; false when the key is taken by a
   * request of the last 24 hours. A key whose answer has expired is taken afresh, before the
   * clean-up came by.
   */
  boolean begin(Key key, byte[] requestHash) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                insert into idempotent_request (workspace_id, user_id, idempotency_key, request_hash, created_at)
                values (guanxi_current_workspace(), ?, ?, ?, now())
                on conflict (workspace_id, user_id, idempotency_key) do update
                  set request_hash = excluded.request_hash, response_status = null, response_type = null,
                    response_body = null, response_location = null, created_at = excluded.created_at
                  where idempotent_request.created_at < now() - cast(? as interval)
                """)
            .params(
                key.user(),
                key.key(),
                sealing.seal(requestHash, TABLE, "request_hash", key.row()),
                KEPT_FOR));
  }

  /** The answer kept for a key in the last 24 hours, opened. */
  Optional<Answer> find(Key key) {
    return jdbc.sql(
            """
            select request_hash, response_status, response_type, response_body, response_location
            from idempotent_request
            where user_id = ? and idempotency_key = ? and created_at >= now() - cast(? as interval)
            """)
        .params(key.user(), key.key(), KEPT_FOR)
        .query(
            (rs, n) -> {
              byte[] body = rs.getBytes(4);
              return new Answer(
                  sealing.open(rs.getBytes(1), TABLE, "request_hash", key.row()),
                  (Integer) rs.getObject(2),
                  rs.getString(3),
                  body == null ? null : sealing.open(body, TABLE, "response_body", key.row()),
                  rs.getString(5));
            })
        .optional();
  }

  void keep(Key key, int status, @Nullable String type, byte[] body, @Nullable String location) {
    jdbc.sql(
            """
            update idempotent_request set response_status = ?, response_type = ?, response_body = ?,
              response_location = ?
            where user_id = ? and idempotency_key = ?
            """)
        .params(
            status,
            type,
            sealing.seal(body, TABLE, "response_body", key.row()),
            location,
            key.user(),
            key.key())
        .update();
  }

  /** Frees a key whose request failed or whose answer must not be kept. */
  void forget(Key key) {
    jdbc.sql("delete from idempotent_request where user_id = ? and idempotency_key = ?")
        .params(key.user(), key.key())
        .update();
  }

  /**
   * Deletes the answers older than 24 hours, of every workspace, a thousand per statement; rows
   * another node is deleting at the same time are skipped, so any number of nodes may run it.
   */
  @Scheduled(
      fixedDelayString = "${guanxi.idempotency.clean-up-interval:PT1H}",
      initialDelayString = "${guanxi.idempotency.clean-up-interval:PT1H}")
  int deleteExpired() {
    int deleted = 0;
    int batch;
    do {
      batch =
          jdbc.sql("select guanxi_delete_expired_idempotent_requests(?)")
              .param(DELETED_PER_BATCH)
              .query(Integer.class)
              .single();
      deleted += batch;
    } while (batch == DELETED_PER_BATCH);
    if (deleted > 0) {
      log.info("Deleted {} answers of idempotent requests older than {}", deleted, KEPT_FOR);
    }
    return deleted;
  }

  @Override
  public String table() {
    return TABLE;
  }

  @Override
  public List<String> columns() {
    return List.of("request_hash", "response_body");
  }

  /**
   * Seals the request hashes and answers of the next keys again where not sealed with the current
   * key.
   */
  @Override
  public @Nullable Key resealAfter(@Nullable Key after) {
    record Sealed(Key key, byte[] hash, byte @Nullable [] body) {}
    Key from = after == null ? new Key(new UUID(0, 0), "") : after;
    List<Sealed> rows =
        jdbc.sql(
                """
                select user_id, idempotency_key, request_hash, response_body from idempotent_request
                where (user_id, idempotency_key) > (?, ?) order by user_id, idempotency_key limit ?
                for update
                """)
            .params(from.user(), from.key(), RESEALED_PER_BATCH)
            .query(
                (rs, n) ->
                    new Sealed(
                        new Key(rs.getObject(1, UUID.class), rs.getString(2)),
                        rs.getBytes(3),
                        rs.getBytes(4)))
            .list();
    List<Sealed> stale = new ArrayList<>();
    for (Sealed row : rows) {
      if (!sealing.isCurrent(row.hash())
          || (row.body() != null && !sealing.isCurrent(row.body()))) {
        stale.add(row);
      }
    }
    for (Sealed row : stale) {
      String at = row.key().row();
      byte[] body = row.body();
      jdbc.sql(
              """
              update idempotent_request set request_hash = ?, response_body = ?
              where user_id = ? and idempotency_key = ?
              """)
          .params(
              sealing.seal(
                  sealing.open(row.hash(), TABLE, "request_hash", at), TABLE, "request_hash", at),
              body == null
                  ? null
                  : sealing.seal(
                      sealing.open(body, TABLE, "response_body", at), TABLE, "response_body", at),
              row.key().user(),
              row.key().key())
          .update();
    }
    return rows.isEmpty() ? null : rows.get(rows.size() - 1).key();
  }
}
