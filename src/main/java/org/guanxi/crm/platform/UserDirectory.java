package org.guanxi.crm.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The users of the current workspace, for modules that assign or show owners. */
public interface UserDirectory {

  Optional<UserSummary> find(UUID userId);

  List<UserSummary> activeUsers();

  /** A user's display name, as a record shows its owner; null when there is no such user. */
  default @Nullable String displayName(UUID userId) {
    return find(userId).map(UserSummary::displayName).orElse(null);
  }

  /**
   * Display names for the owners of a list of records, each user looked up once however many
   * records name them.
   */
  default Function<UUID, @Nullable String> displayNames() {
    Map<UUID, @Nullable String> names = new HashMap<>();
    return userId -> names.computeIfAbsent(userId, this::displayName);
  }

  /** Whether the current workspace has a team with this id. */
  boolean teamExists(UUID teamId);

  /**
   * A new owner for records that {@code user} gives away: an active user whom the user may give
   * records to ({@link CurrentUser#mayAssignTo}).
   *
   * @param records what the user gives, in the plural, for the message of a refusal ("customers")
   * @throws InvalidInput {@code unknown-owner} or {@code owner-not-allowed} on {@code ownerId}
   */
  default UserSummary assignableBy(CurrentUser user, UUID ownerId, String records) {
    UserSummary owner =
        find(ownerId)
            .filter(UserSummary::active)
            .orElseThrow(
                () -> new InvalidInput("ownerId", "unknown-owner", "No active user with this id"));
    if (!user.mayAssignTo(owner)) {
      throw new InvalidInput(
          "ownerId", "owner-not-allowed", "You may not give " + records + " to this user");
    }
    return owner;
  }
}
