package org.guanxi.crm.tasks.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.guanxi.crm.tasks.Priority;
import org.jspecify.annotations.Nullable;

/**
 * What a user fills in for a task: what to do, by which day (and time: none is all day), how urgent
 * (normal unless said), for whom (oneself unless said: a manager gives tasks to the team), for
 * which customer, and how many minutes before it is due to be reminded (none: no reminder).
 */
record TaskDraft(
    @NotBlank @Size(max = 200) String title,
    @Nullable @Size(max = 5_000) String description,
    @NotNull LocalDate dueOn,
    @Nullable LocalTime dueTime,
    @Nullable Priority priority,
    @Nullable UUID assigneeId,
    @Nullable UUID customerId,
    @Nullable @Min(0) @Max(43_200) Integer remindMinutesBefore) {}
