package org.guanxi.crm.platform.internal.admin;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.internal.security.ApiTokens;
import org.guanxi.crm.platform.internal.security.ApiTokens.IssuedToken;
import org.guanxi.crm.platform.internal.security.ApiTokens.TokenView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A user's personal API tokens: issued by the user, listed without the secret, revoked by the user
 * or an administrator.
 */
@Service
class PersonalTokens {

  static final String KIND = "token";
  static final int MAX_NAME = 100;

  private final ApiTokens tokens;

  PersonalTokens(ApiTokens tokens) {
    this.tokens = tokens;
  }

  IssuedToken issue(UUID userId, @Nullable String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInput("name", "required", "Name the token after where it is used");
    }
    if (name.strip().length() > MAX_NAME) {
      throw new InvalidInput("name", "too-long", "At most " + MAX_NAME + " characters");
    }
    return tokens.issue(userId, name.strip());
  }

  List<TokenView> of(UUID userId) {
    return tokens.ofUser(userId);
  }

  /** Revokes a token of this user; another user's token is not found, like a missing one. */
  void revoke(UUID userId, UUID tokenId) {
    if (!tokens.revoke(userId, tokenId)) {
      throw new RecordNotFound(KIND, tokenId);
    }
  }
}
