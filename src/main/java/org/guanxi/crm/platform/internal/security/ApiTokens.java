package org.guanxi.crm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens. Only a SHA-256 hash of a token is stored; the token itself is shown once.
 * Public so that the platform's administration can issue, list and revoke tokens; other modules use
 * {@code Workspaces}.
 */
@Repository
public class ApiTokens {

  /** A token as it is listed later: never the token itself. */
  public record TokenView(
      UUID id, UUID userId, String name, Instant createdAt, @Nullable Instant lastUsedAt) {}

  /** A token just issued: the only moment its plain {@code token} is known. */
  public record IssuedToken(UUID id, UUID userId, String name, Instant createdAt, String token) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;
  private final UserAccounts accounts;

  ApiTokens(JdbcClient jdbc, UserAccounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** Issues a new token for a user of the current workspace; the result holds it in plain text. */
  public IssuedToken issue(UUID userId, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "gx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UUID id = Ids.newId();
    Instant createdAt = insert(id, userId, name, token);
    return new IssuedToken(id, userId, name, createdAt, token);
  }

  void register(UUID userId, String name, String token) {
    insert(Ids.newId(), userId, name, token);
  }

  private Instant insert(UUID id, UUID userId, String name, String token) {
    return jdbc.sql(
            """
            insert into api_token (workspace_id, id, user_id, name, token_hash)
            values (guanxi_current_workspace(), ?, ?, ?, ?) returning created_at
            """)
        .params(id, userId, name, hash(token))
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .single();
  }

  /**
   * The token's account as it is now, in one query; empty for an unknown or revoked token or an
   * inactive account.
   */
  Optional<CurrentUser> authenticate(String token) {
    return jdbc.sql("select * from guanxi_token_account(?)")
        .param(hash(token))
        .query(accounts::currentUser)
        .optional();
  }

  /** The user's tokens that still work, oldest first. */
  public List<TokenView> ofUser(UUID userId) {
    return jdbc.sql(
            "select id, user_id, name, created_at, last_used_at from api_token where user_id = ? and revoked_at is null order by created_at, id")
        .param(userId)
        .query(
            (rs, n) ->
                new TokenView(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    instant(rs.getTimestamp(5))))
        .list();
  }

  /** Revokes one of the user's tokens; false when the user has no such working token. */
  public boolean revoke(UUID userId, UUID tokenId) {
    return StoreWrites.changedOne(
        jdbc.sql(
                "update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
            .params(tokenId, userId));
  }

  public void revokeAll(UUID userId) {
    jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
        .param(userId)
        .update();
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
