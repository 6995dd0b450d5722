package org.guanxi.crm.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The users of the current workspace, for modules that assign or show owners. */
public interface UserDirectory {

  Optional<UserSummary> find(UUID userId);

  List<UserSummary> activeUsers();

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
