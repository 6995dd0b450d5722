package org.guanxi.crm.platform;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Background jobs of one kind (an import) as the module that runs them keeps them, rows of its own
 * table: a job is started under a claim (a token that a worker which took it over replaces, so that
 * the worker before it stops at its next step), ended as done or failed, or given back for another
 * attempt. {@link Jobs} makes the attempts; db-scheduler decides when and on which node.
 */
public interface JobQueue {

  /** How a job ended. */
  enum Outcome {
    DONE,
    FAILED
  }

  /**
   * Starts an attempt at a job that waits (or runs on a worker that stopped) under the worker's
   * {@code claim}, counting it; false when the job waits no more (done, failed or gone).
   */
  boolean start(UUID id, UUID claim, Instant now);

  /** Ends a job the worker holds, with why it failed. */
  void finish(UUID id, UUID claim, Outcome outcome, @Nullable String failure, Instant now);

  /** Gives a job the worker holds back to the queue after a failed attempt. */
  void release(UUID id, UUID claim);
}
