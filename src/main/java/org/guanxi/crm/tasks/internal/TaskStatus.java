package org.guanxi.crm.tasks.internal;

/** Whether a task is still to do. */
enum TaskStatus {
  OPEN,
  DONE
}
