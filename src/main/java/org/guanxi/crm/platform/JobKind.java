package org.guanxi.crm.platform;

import java.util.UUID;

/**
 * A kind of background job a module runs (the customer import, the order import): a bean that the
 * platform's scheduler (db-scheduler) finds by itself. A module submits a job of its kind with
 * {@link JobScheduler#submit}; the scheduler runs it on one node at a time in the job's workspace,
 * keeps its heartbeat, runs it again after a failure or once a node that ran it has stopped, and
 * the kind's {@link JobQueue} counts the attempts and records the outcome.
 */
public interface JobKind {

  /** The kind's name, as its jobs are scheduled ({@code customer-import}). */
  String name();

  /** The module's table of jobs of this kind. */
  JobQueue queue();

  /**
   * Makes an attempt at a job the worker now holds under {@code claim}, as {@link Jobs#attempt}
   * makes it.
   */
  void run(UUID id, UUID claim);
}
