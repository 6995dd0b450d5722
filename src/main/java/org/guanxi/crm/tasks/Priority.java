package org.guanxi.crm.tasks;

/** How urgent a task is. */
public enum Priority {
  HIGH,
  NORMAL,
  LOW
}
