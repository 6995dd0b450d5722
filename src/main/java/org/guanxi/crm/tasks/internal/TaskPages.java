package org.guanxi.crm.tasks.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.DraftForm;
import org.guanxi.crm.platform.FormFields;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.PageChange;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.tasks.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tasks pages: one's open tasks (a manager's team's too), overdue ones marked; a task's page
 * with its form; the new-task form; and the customer page's panel of the customer's open tasks.
 */
@Controller
class TaskPages {

  private final TaskService tasks;
  private final Customers customers;
  private final Owners owners;

  TaskPages(TaskService tasks, Customers customers, Owners owners) {
    this.tasks = tasks;
    this.customers = customers;
    this.owners = owners;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("priorities", Priority.values());
  }

  /** The list: open tasks (or the done ones), soonest due first, only the overdue ones if asked. */
  @GetMapping("/tasks")
  @PreAuthorize("hasAuthority('TASK_READ')")
  String list(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(defaultValue = "false") boolean done,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) @Nullable String cursor,
      Model model) {
    SqlPage<Task> page =
        tasks.list(
            user,
            new TaskStore.Query(
                null,
                null,
                done ? TaskStatus.DONE : TaskStatus.OPEN,
                null,
                null,
                overdue,
                cursor,
                100));
    model.addAttribute("tasks", page.items());
    model.addAttribute("nextCursor", page.nextCursor());
    model.addAttribute("done", done);
    model.addAttribute("overdue", overdue);
    return "tasks/tasks";
  }

  /**
   * The home page's section: the user's own open tasks due today or before, overdue first (htmx).
   */
  @GetMapping("/home/tasks")
  @PreAuthorize("hasAuthority('TASK_READ')")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute(
        "tasks",
        tasks
            .list(
                user,
                new TaskStore.Query(
                    user.id(), null, TaskStatus.OPEN, null, tasks.today(), false, null, 20))
            .items());
    return "tasks/home :: today";
  }

  @GetMapping("/tasks/new")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String newTask(
      @AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) @Nullable UUID customerId,
      Model model) {
    model.addAttribute("form", TaskForm.empty(tasks.today(), customerId));
    return form(user, model, null, null);
  }

  @PostMapping("/tasks")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String create(
      @AuthenticationPrincipal CurrentUser user,
      @ModelAttribute("form") TaskForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    return DraftForm.of(binding, model, "error.")
        .create(
            () -> {
              Task created = tasks.create(user, form.draft());
              redirect.addFlashAttribute("flashNotice", "tasks.saved");
              return "redirect:/tasks/" + created.id();
            },
            () -> form(user, model, null, null));
  }

  @GetMapping("/tasks/{id}")
  @PreAuthorize("hasAuthority('TASK_READ')")
  String show(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    Task task = tasks.get(user, id);
    model.addAttribute("form", TaskForm.of(task));
    return form(user, model, task, task.version());
  }

  @PostMapping("/tasks/{id}")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String update(
      PageChange change,
      @ModelAttribute("form") TaskForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    CurrentUser user = change.user();
    Task current = tasks.get(user, change.id());
    return DraftForm.of(binding, change.model(), "error.")
        .update(
            change.version(),
            () -> {
              tasks.update(user, change.id(), change.version(), form.draft());
              redirect.addFlashAttribute("flashNotice", "tasks.saved");
              return "redirect:/tasks/" + change.id();
            },
            version -> form(user, change.model(), current, version),
            stale -> tasks.get(user, change.id()).version());
  }

  /** Done: back to where the button was (the list unless told). */
  @PostMapping("/tasks/{id}/complete")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String complete(
      PageChange change,
      @RequestParam(defaultValue = "/tasks") String back,
      RedirectAttributes redirect) {
    return setDone(change, true, back, redirect);
  }

  @PostMapping("/tasks/{id}/reopen")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String reopen(
      PageChange change,
      @RequestParam(defaultValue = "/tasks") String back,
      RedirectAttributes redirect) {
    return setDone(change, false, back, redirect);
  }

  private String setDone(
      PageChange change, boolean done, String back, RedirectAttributes redirect) {
    return change.make(
        () -> {
          tasks.complete(change.user(), change.id(), change.version(), done);
          redirect.addFlashAttribute("flashNotice", done ? "tasks.completed" : "tasks.reopened");
          // only a page of the CRM itself
          return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/tasks");
        },
        () -> "redirect:/tasks/" + change.id());
  }

  @PostMapping("/tasks/{id}/delete")
  @PreAuthorize("hasAuthority('TASK_WRITE')")
  String delete(PageChange change, RedirectAttributes redirect) {
    return change.make(
        () -> {
          tasks.delete(change.user(), change.id(), change.version());
          redirect.addFlashAttribute("flashNotice", "tasks.deleted");
          return "redirect:/tasks";
        },
        () -> "redirect:/tasks/" + change.id());
  }

  /** The customer page's panel: the customer's open tasks and the link to a new one. */
  @GetMapping("/customers/{id}/task-panel")
  @PreAuthorize("hasAuthority('TASK_READ')")
  String panel(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      Model model,
      HttpServletResponse response) {
    if (customers.find(user, id).isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "tasks/task-panel :: nothing";
    }
    model.addAttribute("customerId", id);
    model.addAttribute(
        "tasks",
        tasks
            .list(user, new TaskStore.Query(null, id, TaskStatus.OPEN, null, null, false, null, 10))
            .items());
    return "tasks/task-panel :: panel";
  }

  private String form(CurrentUser user, Model model, @Nullable Task task, @Nullable Long version) {
    model.addAttribute("task", task);
    model.addAttribute("version", version);
    model.addAttribute("assignees", owners.assignable(user));
    Object typed = model.getAttribute("form");
    String customerId = typed instanceof TaskForm form ? form.customerId() : null;
    model.addAttribute(
        "customerName",
        customerId == null || customerId.isBlank()
            ? null
            : FormFields.orNone(customerId, UUID::fromString) == null
                ? null
                : customers
                    .find(user, UUID.fromString(customerId.strip()))
                    .map(CustomerSummary::name)
                    .orElse(null));
    return "tasks/task";
  }

  @ExceptionHandler(RecordNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "tasks/task-not-found";
  }
}
