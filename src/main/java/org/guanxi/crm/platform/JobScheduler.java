package org.guanxi.crm.platform;

import java.util.UUID;

/** Runs background jobs: the platform's one job mechanism, db-scheduler underneath. */
public interface JobScheduler {

  /**
   * Schedules the job {@code jobId} of the kind {@code kind} in the current workspace, to run as
   * soon as a node is free; in the caller's transaction, so that a job whose module rolls back is
   * never run. Scheduling a job that is already scheduled changes nothing.
   */
  void submit(JobKind kind, UUID jobId);
}
