package org.guanxi.crm.interaction.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.guanxi.crm.interaction.Interactions;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.SqlWhere;
import org.guanxi.crm.platform.StoreWrites;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Interactions in PostgreSQL. */
@Repository
class InteractionStore {

  private static final String SELECT =
      """
      select i.id, i.customer_id, i.contact_id, i.channel, i.direction, i.occurred_at, i.duration_minutes,
        i.participants, i.summary, i.outcome, i.rating, i.rating_comment, i.next_follow_up_on, i.place,
        i.latitude, i.longitude, i.author_id, u.display_name as author_name, i.created_at, i.updated_at, i.version
      from interaction i
      left join workspace_user u on u.workspace_id = i.workspace_id and u.id = i.author_id
      """;

  static final SqlPage.Keyset<Interaction> NEWEST_FIRST =
      SqlPage.Keyset.newestFirst("i.occurred_at", "i.id", Interaction::occurredAt, Interaction::id);

  private final JdbcClient jdbc;

  InteractionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, InteractionDraft draft, UUID authorId, Instant now) {
    Map<String, Object> params = columns(draft);
    params.put("author", authorId);
    StoreWrites.insert(
        jdbc,
        """
        insert into interaction (workspace_id, id, customer_id, contact_id, channel, direction, occurred_at,
          duration_minutes, participants, summary, outcome, rating, rating_comment, next_follow_up_on, place,
          latitude, longitude, author_id, created_at, updated_at)
        values (guanxi_current_workspace(), :id, :customer, :contact, :channel, :direction, :occurredAt,
          :duration, :participants, :summary, :outcome, :rating, :ratingComment, :nextFollowUpOn, :place,
          :latitude, :longitude, :author, :now, :now)
        """,
        params,
        id,
        now);
  }

  /** Changes the interaction if it is still at {@code expectedVersion}; false when it changed. */
  boolean update(UUID id, long expectedVersion, InteractionDraft draft, Instant now) {
    return StoreWrites.updateAtVersion(
        jdbc,
        """
        update interaction set contact_id = :contact, channel = :channel, direction = :direction,
          occurred_at = :occurredAt, duration_minutes = :duration, participants = :participants,
          summary = :summary, outcome = :outcome, rating = :rating, rating_comment = :ratingComment,
          next_follow_up_on = :nextFollowUpOn, place = :place, latitude = :latitude, longitude = :longitude
        """,
        columns(draft),
        id,
        expectedVersion,
        now);
  }

  /** Deletes the interaction if it is still at {@code expectedVersion}; false when it changed. */
  boolean delete(UUID id, long expectedVersion) {
    return StoreWrites.deleteAtVersion(jdbc, "delete from interaction", id, expectedVersion);
  }

  /** The interaction, if its customer is one the user sees. */
  Optional<Interaction> find(Customers.VisibleCustomers visible, UUID id) {
    return new SqlWhere(visible.sql(), visible.params())
        .and("i.id = :id", "id", id)
        .one(jdbc, SELECT, (rs, n) -> interaction(rs));
  }

  /** What a list of interactions asks for: its filters and the page. */
  record Query(
      @Nullable UUID customerId,
      @Nullable UUID contactId,
      @Nullable UUID authorId,
      @Nullable Channel channel,
      @Nullable Instant from,
      @Nullable Instant to,
      @Nullable String cursor,
      int limit)
      implements SqlPage.Request {}

  /** The interactions with the customers the user sees, newest first. */
  SqlPage<Interaction> list(Customers.VisibleCustomers visible, Query query) {
    return new SqlWhere(visible.sql(), visible.params())
        .and("i.customer_id = :customer", "customer", query.customerId())
        .and("i.contact_id = :contact", "contact", query.contactId())
        .and("i.author_id = :author", "author", query.authorId())
        .and(
            "i.channel = :channel",
            "channel",
            query.channel() == null ? null : query.channel().name())
        .and("i.occurred_at >= :from", "from", timestamp(query.from()))
        .and("i.occurred_at < :to", "to", timestamp(query.to()))
        .page(jdbc, SELECT, NEWEST_FIRST, query, (rs, n) -> interaction(rs));
  }

  /**
   * An author's meetings and visits from {@code from} to {@code to} with customers the user sees.
   */
  List<Interactions.Appointment> appointments(
      Customers.VisibleCustomers visible, UUID authorId, Instant from, Instant to) {
    SqlWhere where =
        new SqlWhere(visible.sql(), visible.params())
            .and("i.author_id = :author", "author", authorId)
            .and("i.channel in ('MEETING', 'VISIT')")
            .and("i.occurred_at >= :from", "from", Timestamp.from(from))
            .and("i.occurred_at < :to", "to", Timestamp.from(to));
    return jdbc.sql(
            "select i.id, i.channel, i.occurred_at, i.duration_minutes, i.customer_id, i.summary"
                + " from interaction i where "
                + where.sql()
                + " order by i.occurred_at, i.id limit 1000")
        .params(where.params())
        .query(
            (rs, n) ->
                new Interactions.Appointment(
                    rs.getObject("id", UUID.class),
                    Channel.valueOf(rs.getString("channel")),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getObject("duration_minutes", Integer.class),
                    rs.getObject("customer_id", UUID.class),
                    rs.getString("summary")))
        .list();
  }

  /** How many interactions an author recorded on one channel. */
  record Activity(UUID authorId, @Nullable String authorName, Channel channel, long count) {}

  /**
   * The interactions with the customers the user sees since {@code since}, counted per author and
   * channel.
   */
  List<Activity> countsSince(Customers.VisibleCustomers visible, Instant since) {
    SqlWhere where =
        new SqlWhere(visible.sql(), visible.params())
            .and("i.occurred_at >= :since", "since", Timestamp.from(since));
    return jdbc.sql(
            """
            select i.author_id, u.display_name, i.channel, count(*) from interaction i
            left join workspace_user u on u.workspace_id = i.workspace_id and u.id = i.author_id
            where\s"""
                + where.sql()
                + " group by i.author_id, u.display_name, i.channel")
        .params(where.params())
        .query(
            (rs, n) ->
                new Activity(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    Channel.valueOf(rs.getString(3)),
                    rs.getLong(4)))
        .list();
  }

  private static Map<String, Object> columns(InteractionDraft draft) {
    Map<String, Object> params = new HashMap<>();
    params.put("customer", draft.customerId());
    params.put("contact", draft.contactId());
    params.put("channel", draft.channel().name());
    params.put("direction", draft.direction() == null ? null : draft.direction().name());
    params.put("occurredAt", timestamp(draft.occurredAt()));
    params.put("duration", draft.durationMinutes());
    params.put("participants", draft.participants());
    params.put("summary", draft.summary());
    params.put("outcome", draft.outcome());
    params.put("rating", draft.rating());
    params.put("ratingComment", draft.ratingComment());
    params.put(
        "nextFollowUpOn",
        draft.nextFollowUpOn() == null ? null : Date.valueOf(draft.nextFollowUpOn()));
    params.put("place", draft.place());
    params.put("latitude", draft.latitude());
    params.put("longitude", draft.longitude());
    return params;
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Interaction interaction(ResultSet rs) throws SQLException {
    Date next = rs.getDate("next_follow_up_on");
    return new Interaction(
        rs.getObject("id", UUID.class),
        rs.getObject("customer_id", UUID.class),
        rs.getObject("contact_id", UUID.class),
        Channel.valueOf(rs.getString("channel")),
        Direction.valueOf(rs.getString("direction")),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getObject("duration_minutes", Integer.class),
        rs.getString("participants"),
        rs.getString("summary"),
        rs.getString("outcome"),
        rs.getObject("rating", Integer.class),
        rs.getString("rating_comment"),
        next == null ? null : next.toLocalDate(),
        rs.getString("place"),
        rs.getObject("latitude", BigDecimal.class),
        rs.getObject("longitude", BigDecimal.class),
        rs.getObject("author_id", UUID.class),
        rs.getString("author_name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }
}
