package org.guanxi.crm.platform.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(
    name = "Users",
    description = "The workspace's users, their roles and teams (administrators only)")
class UserApi {

  record UserList(List<UserAccount> items, @Nullable String nextCursor) {}

  record NewPassword(@Nullable String password) {}

  private final UserAdministration users;

  UserApi(UserAdministration users) {
    this.users = users;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "List users",
      description =
          "Ordered by user name; q matches part of a user name or display name. Pages by cursor.")
  UserList list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") int limit) {
    var page = users.list(q, cursor, limit);
    return new UserList(page.items(), page.nextCursor());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Create a user",
      description =
          "The user name is unique across all workspaces; the password has at least 10 characters.")
  ResponseEntity<UserAccount> create(@RequestBody NewUser input) {
    UserAccount created = users.create(input);
    return VersionedResponses.created("/api/v1/users/" + created.id(), created);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Read a user")
  ResponseEntity<UserAccount> get(@PathVariable UUID id) {
    return VersionedResponses.ok(users.get(id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Change a user",
      description =
          "A JSON merge patch of displayName, roles, teamId and active. "
              + "Deactivating a user revokes the user's API tokens and ends the user's sessions.")
  ResponseEntity<UserAccount> patch(@PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(patch.apply(id, users::get, UserAccount::changes, users::update));
  }

  @PostMapping("/{id}/password")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Set a user's password",
      description = "Ends the user's page sessions; the user's API tokens keep working.")
  ResponseEntity<Void> resetPassword(@PathVariable UUID id, @RequestBody NewPassword input) {
    users.resetPassword(id, input.password());
    return ResponseEntity.noContent().build();
  }
}
