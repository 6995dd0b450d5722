package org.guanxi.crm.leads.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits how often one client address may submit the public lead form: at most {@value
 * #MAX_PER_CLIENT} submissions per {@link #WINDOW}, counted in fixed windows. The count is one
 * upsert in PostgreSQL, so every application node counts the same submissions and two at once are
 * both counted.
 */
@Component
class WebToLeadThrottle {

  static final int MAX_PER_CLIENT = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final JdbcClient jdbc;
  private final Clock clock;

  WebToLeadThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one submission of the current workspace's form; true when the client went over. */
  boolean overLimit(String client) {
    Instant now = clock.instant();
    long windowMillis = WINDOW.toMillis();
    Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
    int hits =
        jdbc.sql(
                """
                insert into lead_form_hit (workspace_id, client, window_start, hits)
                values (guanxi_current_workspace(), ?, ?, 1)
                on conflict (workspace_id, client, window_start) do update set hits = lead_form_hit.hits + 1
                returning hits
                """)
            .params(client, Timestamp.from(windowStart))
            .query(Integer.class)
            .single();
    if (hits == 1) {
      // the first submission of a window clears the windows nobody needs any more
      jdbc.sql("delete from lead_form_hit where window_start < ?")
          .params(Timestamp.from(windowStart.minus(WINDOW)))
          .update();
    }
    return hits > MAX_PER_CLIENT;
  }
}
