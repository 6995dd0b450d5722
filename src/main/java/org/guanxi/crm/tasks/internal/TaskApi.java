package org.guanxi.crm.tasks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.IfMatch;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.VersionedPatch;
import org.guanxi.crm.platform.VersionedPatchMapping;
import org.guanxi.crm.platform.VersionedResponses;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "What users are to do by when, for a customer or not")
class TaskApi {

  static final int MAX_LIMIT = 200;

  record TaskList(List<Task> items, @Nullable String nextCursor) {}

  /**
   * The list's filters: an assignee, a customer, open or done, a range of due days, only overdue
   * ones, and the page.
   */
  record Filter(
      @Nullable UUID assigneeId,
      @Nullable UUID customerId,
      @Nullable TaskStatus status,
      @Nullable LocalDate dueFrom,
      @Nullable LocalDate dueTo,
      @Nullable Boolean overdue,
      @Nullable String cursor,
      @Nullable Integer limit) {

    TaskStore.Query query() {
      return new TaskStore.Query(
          assigneeId,
          customerId,
          status,
          dueFrom,
          dueTo,
          Boolean.TRUE.equals(overdue),
          cursor,
          SqlPage.checkLimit(limit == null ? 50 : limit, MAX_LIMIT));
    }
  }

  private final TaskService tasks;

  TaskApi(TaskService tasks) {
    this.tasks = tasks;
  }

  @PostMapping
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  @Operation(
      summary = "Create a task",
      description =
          "title and dueOn are required; dueTime (none: all day), priority (HIGH, NORMAL, LOW; default NORMAL),"
              + " assigneeId (default you; a manager gives tasks to the team), customerId (a customer you see),"
              + " description, remindMinutesBefore (none: no reminder). Honours Idempotency-Key.")
  ResponseEntity<Task> create(
      @AuthenticationPrincipal CurrentUser user, @RequestBody TaskDraft draft) {
    Task created = tasks.create(user, draft);
    return VersionedResponses.created("/api/v1/tasks/" + created.id(), created);
  }

  @GetMapping
  @PreAuthorize("hasAuthority('TASK_READ')")
  @Operation(
      summary = "List the tasks you see",
      description =
          "Yours, a manager's team's, or every one for the roles that see the whole workspace; soonest due first"
              + " (an all-day task at the end of its day); overdue=true: open ones whose time has passed. Paged by"
              + " cursor (limit 1-200, default 50).")
  TaskList list(@AuthenticationPrincipal CurrentUser user, @ParameterObject Filter filter) {
    SqlPage<Task> page = tasks.list(user, filter.query());
    return new TaskList(page.items(), page.nextCursor());
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('TASK_READ')")
  @Operation(summary = "Read a task")
  ResponseEntity<Task> get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
    return VersionedResponses.ok(tasks.get(user, id));
  }

  @VersionedPatchMapping
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  @Operation(summary = "Change a task", description = "A JSON merge patch of the fields of POST.")
  ResponseEntity<Task> patch(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, VersionedPatch patch) {
    return VersionedResponses.ok(patch.apply(user, id, tasks::get, Task::draft, tasks::update));
  }

  @PostMapping("/{id}/complete")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  @Operation(summary = "Mark a task done", description = "A customer's task goes on its timeline.")
  ResponseEntity<Task> complete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    return VersionedResponses.ok(tasks.complete(user, id, ifMatch.version(), true));
  }

  @PostMapping("/{id}/reopen")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  @Operation(summary = "Open a done task again")
  ResponseEntity<Task> reopen(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    return VersionedResponses.ok(tasks.complete(user, id, ifMatch.version(), false));
  }

  @DeleteMapping("/{id}")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  @Operation(summary = "Delete a task")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, IfMatch ifMatch) {
    tasks.delete(user, id, ifMatch.version());
    return ResponseEntity.noContent().build();
  }
}
