package org.guanxi.crm.tasks.internal;

import java.time.Clock;
import java.util.UUID;
import org.guanxi.crm.interaction.InteractionRecorded;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.guanxi.crm.tasks.Priority;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A follow-up's next date becomes a task for the customer's owner (the author's while the customer
 * lies in a pool), due that day and reminded of when it begins: a module listener once the
 * follow-up is committed, retried until it succeeds; a second run adds no second task.
 */
@Component
class FollowUpTasks {

  private final TaskStore store;
  private final UserDirectory users;
  private final Clock clock;
  private final WorkspaceTime time;

  FollowUpTasks(TaskStore store, UserDirectory users, Clock clock, WorkspaceTime time) {
    this.store = store;
    this.users = users;
    this.clock = clock;
    this.time = time;
  }

  @ApplicationModuleListener
  void on(InteractionRecorded recorded) {
    if (recorded.nextFollowUpOn() == null) {
      return;
    }
    UUID assignee =
        recorded.customerOwnerId() != null ? recorded.customerOwnerId() : recorded.authorId();
    UUID team = users.find(assignee).map(UserSummary::teamId).orElse(null);
    store.insert(
        Ids.newId(),
        new TaskStore.Row(
            InteractionRecorded.shortened(recorded.summary()),
            null,
            recorded.nextFollowUpOn(),
            null,
            Priority.NORMAL,
            assignee,
            team,
            recorded.customerId(),
            0,
            time.startOf(recorded.nextFollowUpOn())),
        recorded.interactionId(),
        recorded.authorId(),
        clock.instant());
  }
}
