package org.guanxi.crm.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every worker runs its queue of background jobs, on whichever node claims them first: a job
 * cut off by a restart is taken over once its heartbeat is {@link #STALE_AFTER stale}; a job whose
 * attempt fails goes back to the queue, and fails for good after {@link #MAX_ATTEMPTS} attempts or
 * at once when its input is wrong.
 */
public final class Jobs {

  public static final Duration STALE_AFTER = Duration.ofMinutes(2);
  public static final int MAX_ATTEMPTS = 3;
  private static final int JOBS_PER_TURN = 10;
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  /** The work of one attempt at a job, in the job's workspace. */
  @FunctionalInterface
  public interface Attempt {
    void run(UUID id, UUID claim);
  }

  /**
   * Another worker took the job over (this one was thought to have stopped); this one leaves it.
   */
  public static final class ClaimLost extends RuntimeException {
    public ClaimLost() {
      super(null, null, false, false);
    }
  }

  private Jobs() {}

  /** Claims the waiting jobs of the queue, up to ten a turn, and runs each in its workspace. */
  public static void runWaiting(JobQueue queue, Attempt attempt) {
    for (int i = 0; i < JOBS_PER_TURN; i++) {
      UUID claim = Ids.newId();
      Optional<JobQueue.Claimed> claimed = queue.claim(claim, STALE_AFTER);
      if (claimed.isEmpty()) {
        return;
      }
      WorkspaceContext.runIn(
          claimed.get().workspaceId(), () -> attempt.run(claimed.get().jobId(), claim));
    }
  }

  /**
   * Makes attempt number {@code attempts} at a job the worker holds (a {@code kind} such as "order
   * import", as its failure names it): ends it as done when the work returns; as failed when it was
   * tried too often, its input is wrong, or the last attempt failed; else gives it back for a later
   * attempt. A lost claim leaves the job to its new worker.
   */
  public static void attempt(
      JobQueue queue, String kind, UUID id, UUID claim, int attempts, Clock clock, Runnable work) {
    if (attempts > MAX_ATTEMPTS) {
      queue.finish(
          id,
          claim,
          JobQueue.Outcome.FAILED,
          "The " + kind + " was stopped after " + MAX_ATTEMPTS + " attempts.",
          clock.instant());
      return;
    }
    try {
      work.run();
      queue.finish(id, claim, JobQueue.Outcome.DONE, null, clock.instant());
    } catch (ClaimLost e) {
      log.info("{} {} was taken over by another worker", kind, id);
    } catch (InvalidInput e) {
      queue.finish(
          id, claim, JobQueue.Outcome.FAILED, e.errors().get(0).message(), clock.instant());
    } catch (RuntimeException e) {
      log.warn("{} {} failed in attempt {}", kind, id, attempts, e);
      if (attempts >= MAX_ATTEMPTS) {
        queue.finish(
            id,
            claim,
            JobQueue.Outcome.FAILED,
            "The " + kind + " stopped: " + e.getMessage(),
            clock.instant());
      } else {
        queue.release(id, claim);
      }
    }
  }
}
