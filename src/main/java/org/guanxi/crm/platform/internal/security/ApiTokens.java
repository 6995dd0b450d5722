package org.guanxi.crm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens. Only a SHA-256 hash of a token is stored; the token itself is shown once. */
@Repository
class ApiTokens {

  record TokenView(UUID id, UUID userId, String name, java.time.Instant createdAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;

  ApiTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Issues a new token for a user of the current workspace and returns it in plain text. */
  String issue(UUID userId, String name) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = "gx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    register(userId, name, token);
    return token;
  }

  void register(UUID userId, String name, String token) {
    jdbc.sql(
            """
            insert into api_token (workspace_id, id, user_id, name, token_hash)
            values (guanxi_current_workspace(), ?, ?, ?, ?)
            """)
        .params(Ids.newId(), userId, name, hash(token))
        .update();
  }

  Optional<GuanxiPrincipal> authenticate(String token) {
    return jdbc.sql(
            """
            select f.workspace_id, f.user_id from guanxi_find_token(?) f
            """)
        .param(hash(token))
        .query((rs, n) -> new GuanxiPrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), "token"))
        .optional();
  }

  List<TokenView> ofUser(UUID userId) {
    return jdbc.sql("select id, user_id, name, created_at from api_token where user_id = ? and revoked_at is null order by created_at")
        .param(userId)
        .query((rs, n) -> new TokenView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  boolean revoke(UUID tokenId) {
    return jdbc.sql("update api_token set revoked_at = now() where id = ? and revoked_at is null").param(tokenId).update() == 1;
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
