package org.guanxi.crm.tasks.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.guanxi.crm.interaction.InteractionRecorded;
import org.guanxi.crm.interaction.Interactions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Calendars: one's own, and a manager's view of a team member's (anyone's for the roles that see
 * the whole workspace): the tasks due and the meetings and visits recorded, day by day.
 */
@Service
class CalendarService {

  /** The longest calendar asked for at once: six weeks, a month view's grid. */
  static final int MAX_DAYS = 42;

  private final TaskService tasks;
  private final Interactions interactions;
  private final UserDirectory users;
  private final WorkspaceTime time;

  CalendarService(
      TaskService tasks, Interactions interactions, UserDirectory users, WorkspaceTime time) {
    this.tasks = tasks;
    this.interactions = interactions;
    this.users = users;
    this.time = time;
  }

  Calendar of(CurrentUser user, @Nullable UUID userId, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidInput("to", "before-from", "to is on or after from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidInput(
          "to", "period-too-long", "A calendar spans at most " + MAX_DAYS + " days");
    }
    UserSummary whose = whose(user, userId);
    Map<LocalDate, List<Calendar.Entry>> days = new TreeMap<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.put(d, new ArrayList<>());
    }
    for (Task task :
        tasks
            .list(user, new TaskStore.Query(whose.id(), null, null, from, to, false, null, 1_000))
            .items()) {
      days.get(task.dueOn())
          .add(
              new Calendar.Entry(
                  "TASK",
                  task.id(),
                  task.title(),
                  task.dueTime(),
                  null,
                  task.status() == TaskStatus.DONE,
                  task.overdue(),
                  "/tasks/" + task.id()));
    }
    for (Interactions.Appointment a :
        interactions.meetingsAndVisits(
            user, whose.id(), time.startOf(from), time.startOf(to.plusDays(1)))) {
      LocalDateTime at = LocalDateTime.ofInstant(a.at(), time.zone());
      List<Calendar.Entry> day = days.get(at.toLocalDate());
      if (day != null) {
        day.add(
            new Calendar.Entry(
                a.channel().name(),
                a.id(),
                InteractionRecorded.shortened(a.summary()),
                at.toLocalTime().withSecond(0).withNano(0),
                a.durationMinutes(),
                true,
                false,
                "/interactions/" + a.id()));
      }
    }
    List<Calendar.Day> result = new ArrayList<>();
    Comparator<Calendar.Entry> order =
        Comparator.comparing(
            (Calendar.Entry e) -> e.time(), Comparator.nullsFirst(Comparator.naturalOrder()));
    days.forEach(
        (date, entries) ->
            result.add(new Calendar.Day(date, entries.stream().sorted(order).toList())));
    return new Calendar(whose.id(), whose.displayName(), from, to, result);
  }

  /** Whose calendar the user may see: one's own, or someone the user may give records to. */
  private UserSummary whose(CurrentUser user, @Nullable UUID userId) {
    if (userId == null || userId.equals(user.id())) {
      return new UserSummary(user.id(), user.username(), user.displayName(), user.teamId(), true);
    }
    try {
      return users.assignableBy(user, userId, "calendars");
    } catch (InvalidInput e) {
      InvalidInput.FieldError error = e.errors().get(0);
      throw new InvalidInput("userId", error.code(), error.message());
    }
  }
}
