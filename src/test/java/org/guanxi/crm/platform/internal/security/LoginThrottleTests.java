package org.guanxi.crm.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.guanxi.crm.support.GuanxiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long a lock lasts: the throttle's clock is moved rather than waited for. Each test uses names
 * and addresses of its own, as failures are kept for every workspace together.
 */
@GuanxiTest
class LoginThrottleTests {

  @Autowired JdbcClient jdbc;

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    private Instant now = Instant.now();

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final MovableClock clock = new MovableClock();

  @Test
  void aLockEndsOnceItsFailuresAreOlderThanTheWindowAndRefusedTriesDoNotProlongIt() {
    LoginThrottle throttle = new LoginThrottle(jdbc, clock);
    String name = "sales2-" + UUID.randomUUID().toString().substring(0, 8);
    String guesser = "192.0.2." + (1 + (int) (Math.random() * 250));
    for (int i = 0; i < LoginThrottle.MAX_PER_NAME_AND_CLIENT; i++) {
      throttle.countFailure(name, guesser);
    }
    assertThat(throttle.blocked(name, guesser)).as("locked at once").isTrue();
    assertThat(throttle.blocked(" " + name.toUpperCase() + " ", guesser))
        .as("the same name, typed otherwise")
        .isTrue();

    // the guesser keeps trying: refused, and not counted
    clock.move(LoginThrottle.WINDOW.minusMinutes(1));
    assertThat(throttle.blocked(name, guesser)).as("a minute before the end").isTrue();
    clock.move(Duration.ofMinutes(1).plusSeconds(1));
    assertThat(throttle.blocked(name, guesser)).as("after the window").isFalse();
    assertThat(throttle.blocked(" " + name.toUpperCase() + " ", guesser)).isFalse();
  }

  @Test
  void theNameIsCountedAsTheLoginReadsIt() {
    assertThat(LoginThrottle.nameAsTheLoginReadsIt(" sales2 ")).isEqualTo("sales2");
    assertThat(LoginThrottle.nameAsTheLoginReadsIt("\tsales2\n")).isEqualTo("sales2");
    assertThat(LoginThrottle.nameAsTheLoginReadsIt(null)).isEmpty();
    assertThat(LoginThrottle.nameAsTheLoginReadsIt("sa\u0000les2")).isEqualTo("sa\uFFFDles2");
  }
}
