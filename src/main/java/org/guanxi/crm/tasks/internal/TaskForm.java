package org.guanxi.crm.tasks.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.tasks.Priority;
import org.jspecify.annotations.Nullable;

/** The task form as the browser sends it: every field as typed. */
record TaskForm(
    @Nullable String title,
    @Nullable String description,
    @Nullable String dueOn,
    @Nullable String dueTime,
    @Nullable String priority,
    @Nullable String assigneeId,
    @Nullable String customerId,
    @Nullable String remindMinutesBefore) {

  /** A new task: due today, normal, for oneself, for the customer if one is given. */
  static TaskForm empty(LocalDate today, @Nullable UUID customerId) {
    return new TaskForm(
        "",
        "",
        today.toString(),
        "",
        Priority.NORMAL.name(),
        "",
        customerId == null ? "" : customerId.toString(),
        "");
  }

  static TaskForm of(Task task) {
    return new TaskForm(
        task.title(),
        task.description() == null ? "" : task.description(),
        task.dueOn().toString(),
        task.dueTime() == null ? "" : task.dueTime().toString(),
        task.priority().name(),
        task.assigneeId().toString(),
        task.customerId() == null ? "" : task.customerId().toString(),
        task.remindMinutesBefore() == null ? "" : task.remindMinutesBefore().toString());
  }

  TaskDraft draft() {
    return new TaskDraft(
        title == null ? "" : title,
        description,
        FormFields.date(orEmpty(dueOn), "dueOn"),
        time(),
        chosenPriority(),
        id(assigneeId, "assigneeId"),
        id(customerId, "customerId"),
        FormFields.integer(orEmpty(remindMinutesBefore), "remindMinutesBefore"));
  }

  private @Nullable LocalTime time() {
    if (dueTime == null || dueTime.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(dueTime.strip());
    } catch (DateTimeException e) {
      throw new InvalidInput("dueTime", "invalid-time", "A time such as 09:30");
    }
  }

  private @Nullable Priority chosenPriority() {
    if (priority == null || priority.isBlank()) {
      return null;
    }
    try {
      return Priority.valueOf(priority.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("priority", "invalid-choice", "Not one of the choices");
    }
  }

  private static @Nullable UUID id(@Nullable String text, String field) {
    return FormFields.id(orEmpty(text), field, "invalid-choice", "Not one of the choices");
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
