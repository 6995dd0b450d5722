package org.guanxi.crm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How a job's attempt ends, as the user of an import reads it on its page. */
class JobsTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  final UUID id = Ids.newId();
  final UUID claim = Ids.newId();
  final RecordingQueue queue = new RecordingQueue();

  @Test
  void workThatReturnsEndsTheJobAsDone() {
    attempt(1, () -> {});
    assertThat(queue.events).containsExactly("finish DONE null");
  }

  @Test
  void wrongInputFailsTheJobAtOnceWithItsMessage() {
    attempt(
        1,
        () -> {
          throw new InvalidInput("mapping", "unknown-column", "The mapping names no such column");
        });
    assertThat(queue.events).containsExactly("finish FAILED The mapping names no such column");
  }

  @Test
  void aFailedAttemptGivesTheJobBackUntilTheLastOneFailsIt() {
    Runnable failing =
        () -> {
          throw new IllegalStateException("the database went away");
        };
    assertThatThrownBy(() -> attempt(1, failing))
        .as("the scheduler is told to try it again later")
        .isInstanceOf(Jobs.TryAgain.class);
    attempt(Jobs.MAX_ATTEMPTS, failing);
    assertThat(queue.events)
        .containsExactly(
            "release", "finish FAILED The order import stopped: the database went away");
  }

  @Test
  void aJobTriedTooOftenFailsWithoutRunning() {
    boolean[] ran = {false};
    Jobs.attempt(
        queue, "customer import", id, claim, Jobs.MAX_ATTEMPTS + 1, CLOCK, () -> ran[0] = true);
    assertThat(ran[0]).isFalse();
    assertThat(queue.events)
        .containsExactly("finish FAILED The customer import was stopped after 3 attempts.");
  }

  @Test
  void aLostClaimLeavesTheJobToItsNewWorker() {
    attempt(
        1,
        () -> {
          throw new Jobs.ClaimLost();
        });
    assertThat(queue.events).isEmpty();
  }

  /** Attempt number {@code attempts} at an order import. */
  void attempt(int attempts, Runnable work) {
    Jobs.attempt(queue, "order import", id, claim, attempts, CLOCK, work);
  }

  static final class RecordingQueue implements JobQueue {
    final List<String> events = new ArrayList<>();

    @Override
    public boolean start(UUID id, UUID claim, Instant now) {
      events.add("start");
      return true;
    }

    @Override
    public void finish(
        UUID id, UUID claim, Outcome outcome, @Nullable String failure, Instant now) {
      events.add("finish " + outcome + " " + failure);
    }

    @Override
    public void release(UUID id, UUID claim) {
      events.add("release");
    }
  }
}
