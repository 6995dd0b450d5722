package org.guanxi.crm.platform;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every attempt at a background job ends, whichever node makes it: a job whose work returns is
 * done; one whose input is wrong fails at once with the reason; one whose attempt failed otherwise
 * is given back and tried again later (by the {@link JobScheduler}) until {@link #MAX_ATTEMPTS}
 * attempts have failed; a worker whose claim was taken over (its node was thought stopped) leaves
 * the job to its new worker.
 */
public final class Jobs {

  public static final int MAX_ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(Jobs.class);

  /**
   * Another worker took the job over (this one was thought to have stopped); this one leaves it.
   */
  public static final class ClaimLost extends RuntimeException {
    public ClaimLost() {
      super(null, null, false, false);
    }
  }

  /** The attempt failed and the job was given back: the scheduler runs it again later. */
  public static final class TryAgain extends RuntimeException {
    public TryAgain(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private Jobs() {}

  /**
   * Makes attempt number {@code attempts} at a job the worker holds (a {@code kind} such as "order
   * import", as its failure names it): ends it as done when the work returns; as failed when it was
   * tried too often, its input is wrong, or the last attempt failed; else gives it back and throws
   * {@link TryAgain}, so that the scheduler tries it again later. A lost claim leaves the job to
   * its new worker.
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
        throw new TryAgain("The " + kind + " " + id + " is tried again later", e);
      }
    }
  }
}
