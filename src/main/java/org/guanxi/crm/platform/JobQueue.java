package org.guanxi.crm.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Background jobs of one kind (an import), kept as rows of a table: a worker claims the oldest
 * waiting one (or one whose worker stopped sending heartbeats), and ends it as done or failed, or
 * gives it back for another attempt. {@link Jobs} runs them.
 */
public interface JobQueue {

  /** A job a worker claimed, in the workspace it belongs to. */
  record Claimed(UUID workspaceId, UUID jobId) {}

  /** How a job ended. */
  enum Outcome {
    DONE,
    FAILED
  }

  /** Claims a waiting job for the worker {@code claim} (called outside every workspace). */
  Optional<Claimed> claim(UUID claim, Duration staleAfter);

  /** Ends a job the worker holds, with why it failed. */
  void finish(UUID id, UUID claim, Outcome outcome, @Nullable String failure, Instant now);

  /** Gives a job the worker holds back to the queue after a failed attempt. */
  void release(UUID id, UUID claim);
}
