package org.guanxi.crm.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.guanxi.crm.platform.Notifications;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceTime;
import org.guanxi.crm.tasks.TaskDue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds assignees of their tasks when the reminder is due: every minute, in every workspace, a
 * thousand at most per transaction. Claiming a reminder marks it sent in the same statement ({@code
 * for update skip locked}), and its notification and {@link TaskDue} are written in that
 * transaction, so that a reminder goes out once however many nodes check at the same time.
 */
@Component
class TaskReminders {

  static final int PER_TRANSACTION = 1_000;

  private final TaskStore store;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final WorkspaceTime time;

  TaskReminders(
      TaskStore store,
      Notifications notifications,
      ApplicationEventPublisher events,
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.notifications = notifications;
    this.events = events;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock;
    this.time = time;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.tasks.reminder-interval:PT1M}",
      initialDelayString = "${guanxi.tasks.reminder-interval:PT1M}")
  void remindEveryWorkspace() {
    WorkspaceContext.inEvery(jdbc, this::remindDue);
  }

  /** Sends the current workspace's due reminders; how many. */
  int remindDue() {
    int sent = 0;
    while (true) {
      Integer batch = transactions.execute(status -> remindBatch());
      sent += batch == null ? 0 : batch;
      if (batch == null || batch < PER_TRANSACTION) {
        return sent;
      }
    }
  }

  private int remindBatch() {
    Instant now = clock.instant();
    List<Task> due =
        store.claimDueReminders(now, LocalDateTime.ofInstant(now, time.zone()), PER_TRANSACTION);
    for (Task task : due) {
      notifications.send(
          task.assigneeId(),
          task.overdue() ? "tasks.notification.overdue" : "tasks.notification.due",
          task.title(),
          "/tasks/" + task.id());
      events.publishEvent(
          new TaskDue(
              WorkspaceContext.require(),
              task.id(),
              task.assigneeId(),
              task.title(),
              task.dueOn(),
              task.dueTime()));
    }
    return due.size();
  }
}
