package org.guanxi.crm.platform.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.internal.security.ApiTokens.IssuedToken;
import org.guanxi.crm.platform.internal.security.ApiTokens.TokenView;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
    name = "API tokens",
    description = "Personal API tokens: your own, and (administrators) any user's")
class PersonalTokenApi {

  record TokenList(List<TokenView> items) {}

  record TokenRequest(@Nullable String name) {}

  private final PersonalTokens tokens;
  private final UserAdministration users;

  PersonalTokenApi(PersonalTokens tokens, UserAdministration users) {
    this.tokens = tokens;
    this.users = users;
  }

  @GetMapping("/api/v1/me/tokens")
  @PreAuthorize("isAuthenticated()")
  @Operation(
      summary = "List your API tokens",
      description = "The tokens themselves are never shown again.")
  TokenList mine(@AuthenticationPrincipal CurrentUser user) {
    return new TokenList(tokens.of(user.id()));
  }

  @PostMapping("/api/v1/me/tokens")
  @PreAuthorize("isAuthenticated()")
  @Operation(
      summary = "Create an API token",
      description =
          "The answer holds the token; it is shown only this once and kept nowhere, not even for an Idempotency-Key.")
  ResponseEntity<IssuedToken> issue(
      @AuthenticationPrincipal CurrentUser user, @RequestBody TokenRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(tokens.issue(user.id(), request.name()));
  }

  @DeleteMapping("/api/v1/me/tokens/{tokenId}")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Revoke one of your API tokens")
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID tokenId) {
    tokens.revoke(user.id(), tokenId);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/v1/users/{id}/tokens")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "List a user's API tokens")
  TokenList ofUser(@PathVariable UUID id) {
    return new TokenList(tokens.of(users.get(id).id()));
  }

  @DeleteMapping("/api/v1/users/{id}/tokens/{tokenId}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Revoke a user's API token")
  ResponseEntity<Void> revokeOfUser(@PathVariable UUID id, @PathVariable UUID tokenId) {
    tokens.revoke(users.get(id).id(), tokenId);
    return ResponseEntity.noContent().build();
  }
}
