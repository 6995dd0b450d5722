package org.guanxi.crm.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.RecordAccess;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.guanxi.crm.tasks.Priority;
import org.guanxi.crm.tasks.TaskCompleted;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks of the users one sees: a rep's own, a manager's team's, everyone's for the roles that see
 * the whole workspace. Whoever sees a task may change, complete or delete it; a new one is the
 * user's own unless given to someone the user may give records to.
 */
@Service
class TaskService {

  static final String KIND = "task";

  private final TaskStore store;
  private final Customers customers;
  private final Owners owners;
  private final InputValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkspaceTime time;

  TaskService(
      TaskStore store,
      Customers customers,
      Owners owners,
      InputValidation validation,
      ApplicationEventPublisher events,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.customers = customers;
    this.owners = owners;
    this.validation = validation;
    this.events = events;
    this.clock = clock;
    this.time = time;
  }

  @Transactional
  Task create(CurrentUser user, TaskDraft draft) {
    TaskStore.Row row = checked(user, draft, null);
    UUID id = Ids.newId();
    store.insert(id, row, null, user.id(), clock.instant());
    return get(user, id);
  }

  Task get(CurrentUser user, UUID id) {
    return store.find(visible(user), id, now()).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  SqlPage<Task> list(CurrentUser user, TaskStore.Query query) {
    if (query.dueFrom() != null
        && query.dueTo() != null
        && query.dueTo().isBefore(query.dueFrom())) {
      throw new InvalidInput("dueTo", "before-from", "dueTo is on or after dueFrom");
    }
    return store.list(visible(user), query, now());
  }

  @Transactional
  Task update(CurrentUser user, UUID id, long expectedVersion, TaskDraft draft) {
    Task current = get(user, id);
    TaskStore.Row row = checked(user, draft, current);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(
        store.update(id, version, row, clock.instant()), KIND, () -> get(user, id).version());
    return get(user, id);
  }

  /** Marks the task done, or open again; a done task of a customer goes on its timeline. */
  @Transactional
  Task complete(CurrentUser user, UUID id, long expectedVersion, boolean done) {
    Task current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    Instant now = clock.instant();
    StaleVersion.unless(
        store.setDone(id, version, done, user.id(), now), KIND, () -> get(user, id).version());
    if (done && current.status() == TaskStatus.OPEN && current.customerId() != null) {
      events.publishEvent(
          new TaskCompleted(
              user.workspaceId(),
              id,
              current.customerId(),
              current.title(),
              now,
              user.id(),
              user.displayName()));
    }
    return get(user, id);
  }

  @Transactional
  void delete(CurrentUser user, UUID id, long expectedVersion) {
    Task current = get(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(store.delete(id, version), KIND, () -> get(user, id).version());
  }

  /** The workspace's local date and time now, by which tasks are overdue. */
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), time.zone());
  }

  LocalDate today() {
    return time.today();
  }

  static RecordAccess.Condition visible(CurrentUser user) {
    return RecordAccess.visible(user, TaskStore.HOLDING);
  }

  /**
   * The row of a draft that passes every check: the assignee one the user may give tasks to (the
   * task's assignee stays without that check), the customer one the user sees, and the reminder's
   * instant from the due day and time in the workspace's zone (an all-day task is due at its
   * start).
   */
  private TaskStore.Row checked(CurrentUser user, TaskDraft draft, @Nullable Task current) {
    validation.check(draft);
    UserSummary assignee;
    try {
      assignee =
          owners.choose(
              user, draft.assigneeId(), current == null ? null : current.assigneeId(), "tasks");
    } catch (InvalidInput e) {
      InvalidInput.FieldError error = e.errors().get(0);
      throw new InvalidInput("assigneeId", error.code(), error.message());
    }
    UUID customerId = draft.customerId();
    if (customerId != null
        && !(current != null && Objects.equals(customerId, current.customerId()))) {
      customers.require(user, customerId);
    }
    Integer minutes = draft.remindMinutesBefore();
    Instant remindAt =
        minutes == null
            ? null
            : draft
                .dueOn()
                .atTime(draft.dueTime() == null ? LocalTime.MIDNIGHT : draft.dueTime())
                .atZone(time.zone())
                .toInstant()
                .minusSeconds(minutes * 60L);
    return new TaskStore.Row(
        draft.title().strip(),
        draft.description() == null || draft.description().isBlank()
            ? null
            : draft.description().strip(),
        draft.dueOn(),
        draft.dueTime(),
        draft.priority() == null ? Priority.NORMAL : draft.priority(),
        assignee.id(),
        assignee.teamId(),
        customerId,
        minutes,
        remindAt);
  }
}
