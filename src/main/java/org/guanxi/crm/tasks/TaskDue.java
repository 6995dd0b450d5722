package org.guanxi.crm.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.guanxi.crm.platform.WorkspaceEvent;
import org.jspecify.annotations.Nullable;

/**
 * A task's reminder is due: published once per task (whatever number of nodes check), in the
 * transaction that marked it reminded.
 */
public record TaskDue(
    UUID workspaceId,
    UUID taskId,
    UUID assigneeId,
    String title,
    LocalDate dueOn,
    @Nullable LocalTime dueTime)
    implements WorkspaceEvent {}
