package org.guanxi.crm.platform.internal.events;

import java.time.Duration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands the publications whose listener failed (it threw, or it was still processing when its node
 * stopped: see {@code spring.modulith.events.staleness.processing}) to their listener again. On a
 * restart the registry republishes every outstanding publication as well. A listener may therefore
 * run more than once for an event: listeners are written so that a second run changes nothing.
 */
@Component
class EventRetries {

  /**
   * A failure is retried once it is this old, so that a listener that fails at once is not
   * hammered.
   */
  static final Duration MIN_AGE = Duration.ofSeconds(30);

  private final FailedEventPublications failed;

  EventRetries(FailedEventPublications failed) {
    this.failed = failed;
  }

  @Scheduled(
      fixedDelayString = "${guanxi.events.retry-interval:PT1M}",
      initialDelayString = "${guanxi.events.retry-interval:PT1M}")
  void retryFailed() {
    failed.resubmit(ResubmissionOptions.defaults().withMinAge(MIN_AGE));
  }
}
