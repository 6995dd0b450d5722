package org.guanxi.crm.tasks.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PageAction;
import org.guanxi.crm.platform.PageSection;
import org.guanxi.crm.tasks.TaskPermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tasks module's entry of the sidebar, first of daily work, and its customer page panel. */
@Configuration(proxyBeanMethods = false)
class TaskNavigation {

  @Bean
  NavigationEntry tasksEntry() {
    return NavigationEntry.link(WORK, 5, "nav.tasks", "/tasks", TaskPermissions.TASK_READ);
  }

  @Bean
  NavigationEntry calendarEntry() {
    return NavigationEntry.link(WORK, 6, "nav.calendar", "/calendar", TaskPermissions.TASK_READ);
  }

  @Bean
  PageSection taskPanel() {
    return PageSection.customer(7, "/customers/{id}/task-panel", TaskPermissions.TASK_READ, false);
  }

  /** The home page's tasks of today and overdue ones, first. */
  @Bean
  PageSection homeTasks() {
    return PageSection.home(10, "/home/tasks", TaskPermissions.TASK_READ);
  }

  /** The customer page's button for a new task for the customer. */
  @Bean
  PageAction newTaskAction() {
    return PageAction.customer(
        20, "tasks.new", "/tasks/new?customerId={id}", TaskPermissions.TASK_WRITE);
  }
}
