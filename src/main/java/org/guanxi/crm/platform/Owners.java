package org.guanxi.crm.platform;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one rule for who owns a record that is created or changed: the owner asked for, else the
 * record's current owner, else the user. A new owner must be an active user of the workspace whom
 * the user may give records to ({@link CurrentUser#mayAssignTo}); a record's current owner stays
 * its owner without that check, so that a colleague can still edit a record whose owner has left.
 */
@Component
public class Owners {

  private final UserDirectory users;

  Owners(UserDirectory users) {
    this.users = users;
  }

  /**
   * The owner of a record.
   *
   * @param requested the owner asked for, or null for the current one (the user for a new record)
   * @param current the record's owner now, or null for a new record or one that has none
   * @param records what the user gives, in the plural, for the message of a refusal ("customers")
   */
  public UserSummary choose(
      CurrentUser user, @Nullable UUID requested, @Nullable UUID current, String records) {
    UUID ownerId = requested != null ? requested : current != null ? current : user.id();
    if (ownerId.equals(user.id())) {
      return new UserSummary(user.id(), user.username(), user.displayName(), user.teamId(), true);
    }
    if (ownerId.equals(current)) {
      return users
          .find(ownerId)
          .orElseThrow(
              () -> new InvalidInput("ownerId", "unknown-owner", "No active user with this id"));
    }
    return users.assignableBy(user, ownerId, records);
  }

  /**
   * Whom the user may give records to: anyone active for the roles that serve the whole workspace,
   * the own teams' members for a manager, oneself for a rep.
   */
  public List<UserSummary> assignable(CurrentUser user) {
    return users.activeUsers().stream().filter(user::mayAssignTo).toList();
  }
}
