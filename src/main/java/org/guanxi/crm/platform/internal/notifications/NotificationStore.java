package org.guanxi.crm.platform.internal.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.Notifications;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications in PostgreSQL; each user reads only their own. */
@Repository
class NotificationStore implements Notifications {

  /** How long a notification is kept. */
  static final Duration KEPT = Duration.ofDays(30);

  private static final String SELECT =
      "select n.id, n.message_key, n.text, n.link, n.created_at, n.read_at from notification n";

  static final SqlPage.Keyset<Notification> NEWEST_FIRST =
      SqlPage.Keyset.newestFirst("n.created_at", "n.id", Notification::createdAt, Notification::id);

  private final JdbcClient jdbc;
  private final Clock clock;

  NotificationStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void send(UUID userId, String messageKey, String text, @Nullable String link) {
    StoreWrites.insert(
        jdbc,
        """
        insert into notification (workspace_id, id, user_id, message_key, text, link, created_at)
        values (guanxi_current_workspace(), :id, :user, :key, :text, :link, :now)
        """,
        Map.of("user", userId, "key", messageKey, "text", text, "link", link == null ? "" : link),
        Ids.newId(),
        clock.instant());
  }

  /** A page of the user's notifications, newest first; only the unread ones when asked. */
  SqlPage<Notification> list(UUID userId, boolean unreadOnly, SqlPage.Request page) {
    return SqlWhere.all()
        .and("n.user_id = :user", "user", userId)
        .and(unreadOnly ? "n.read_at is null" : "true")
        .page(jdbc, SELECT, NEWEST_FIRST, page, (rs, n) -> notification(rs));
  }

  /** The user's notification, if it is theirs. */
  Optional<Notification> find(UUID userId, UUID id) {
    return SqlWhere.all()
        .and("n.user_id = :user", "user", userId)
        .and("n.id = :id", "id", id)
        .one(jdbc, SELECT, (rs, n) -> notification(rs));
  }

  private static Notification notification(ResultSet rs) throws SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    String link = rs.getString("link");
    return new Notification(
        rs.getObject("id", UUID.class),
        rs.getString("message_key"),
        rs.getString("text"),
        link.isEmpty() ? null : link,
        rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant());
  }

  long unread(UUID userId) {
    return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
        .param(userId)
        .query(Long.class)
        .single();
  }

  /** Marks the user's notification read (all of them without an id); how many it marked. */
  int markRead(UUID userId, @Nullable UUID id) {
    return jdbc.sql(
            "update notification set read_at = :now where user_id = :user and read_at is null"
                + (id == null ? "" : " and id = :id"))
        .param("now", Timestamp.from(clock.instant()))
        .param("user", userId)
        .param("id", id)
        .update();
  }

  /** Deletes the current workspace's notifications older than {@link #KEPT}. */
  int deleteOld() {
    return jdbc.sql("delete from notification where created_at < ?")
        .param(Timestamp.from(clock.instant().minus(KEPT)))
        .update();
  }
}
