package org.guanxi.crm.tasks.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.guanxi.crm.tasks.Priority;
import org.jspecify.annotations.Nullable;

/**
 * A task as stored and shown, with its assignee's and customer's names; {@code overdue} when it is
 * open and its day (and time) has passed in the workspace's zone, as read.
 */
record Task(
    UUID id,
    String title,
    @Nullable String description,
    LocalDate dueOn,
    @Nullable LocalTime dueTime,
    Priority priority,
    TaskStatus status,
    UUID assigneeId,
    @Nullable String assigneeName,
    @Nullable UUID customerId,
    @Nullable String customerName,
    @Nullable UUID interactionId,
    @Nullable Integer remindMinutesBefore,
    @Nullable Instant remindedAt,
    @Nullable Instant completedAt,
    boolean overdue,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  TaskDraft draft() {
    return new TaskDraft(
        title, description, dueOn, dueTime, priority, assigneeId, customerId, remindMinutesBefore);
  }
}
