package org.guanxi.crm.platform.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.support.StandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module listener's work that is cut off — its JVM killed while the listener's transaction is
 * open — is not lost: the publication stays incomplete, and the next start of the application hands
 * the event to the listener again, which then does the work once.
 */
class DurableEventsTests {

  @TempDir Path dataDir;

  @Test
  void aListenerKilledMidwayDoesItsWorkOnceAfterARestart() throws Exception {
    Process application = StandIn.start(DurableEventsStandIn.class, "1g", dataDir.toString());
    // whatever happens, the stand-in does not outlive the test
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(Duration.ofMinutes(3).toMillis());
                application.destroyForcibly();
              } catch (InterruptedException stopped) {
                // the test is over
              }
            });
    watchdog.setDaemon(true);
    watchdog.start();
    Map<String, String> said = new HashMap<>();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (!said.containsKey("incomplete") && (line = output.readLine()) != null) {
        for (String word : new String[] {"published", "incomplete"}) {
          if (line.startsWith(word + " ")) {
            said.put(word, line.substring(word.length() + 1).strip());
          }
        }
      }
    } finally {
      application.destroyForcibly().waitFor(); // SIGKILL, with the listener in its transaction
      watchdog.interrupt();
    }
    String[] published = said.get("published").split(" ");
    UUID event = UUID.fromString(published[0]);
    UUID workspace = UUID.fromString(published[1]);
    assertThat(said.get("incomplete"))
        .as("the publication is incomplete while it runs")
        .isEqualTo("1");
    assertThat(Files.exists(dataDir.resolve("postgres"))).isTrue();

    Effects.halt = false;
    try (ConfigurableApplicationContext restarted =
        DurableEventsStandIn.start(dataDir.toString())) {
      JdbcClient jdbc = restarted.getBean(JdbcClient.class);
      await()
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(() -> assertThat(DurableEventsStandIn.incomplete(jdbc, event)).isZero());
      assertThat(
              jdbc.sql("select workspace_id from durable_event_effect where event_id = ?")
                  .params(event)
                  .query(UUID.class)
                  .list())
          .as("done once, in the event's workspace; the killed run's insert was rolled back")
          .containsExactly(workspace);
    }
  }
}
