package org.guanxi.crm.interaction.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.privacy.DataSubject;
import org.guanxi.crm.privacy.DataSubject.ContactSubject;
import org.guanxi.crm.privacy.ModulePersonalData;
import org.guanxi.crm.privacy.PersonalCopy;
import org.guanxi.crm.privacy.PersonalRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal data interactions hold: what was said and who took part, the customer's experience
 * and where a visit took place. A customer's erasure takes all its interactions, a contact's those
 * with the contact (and the link to it); each keeps its channel, direction, time, duration and
 * rating, so that counts of follow-ups stay true once the words are gone. The version moves on, so
 * that a change from before cannot bring them back.
 */
@Component
class InteractionPersonalData extends ModulePersonalData {

  private static final String INTERACTION = "interaction";

  private final JdbcClient jdbc;

  InteractionPersonalData(JdbcClient jdbc) {
    super(
        "interaction",
        Map.of(
            INTERACTION,
            Set.of(
                "summary",
                "participants",
                "outcome",
                "rating_comment",
                "place",
                "latitude",
                "longitude")));
    this.jdbc = jdbc;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    String which = customerOrContact(subject, "i.customer_id", "i.contact_id");
    if (which.isEmpty()) {
      return List.of();
    }
    return copies(
        jdbc.sql(
                """
                select i.id, i.customer_id, i.contact_id, i.channel, i.direction, i.occurred_at, i.summary,
                  i.participants, i.outcome, i.rating, i.rating_comment, i.place, i.latitude, i.longitude
                from interaction i
                where i.summary <> :erased and\s"""
                    + which
                    + " order by i.occurred_at, i.id")
            .params(customerOrContactParameters(subject)),
        INTERACTION,
        (rs, id, values) ->
            values
                .id("customer_id")
                .id("contact_id")
                .texts("channel", "direction")
                .instant("occurred_at")
                .texts("summary", "participants", "outcome")
                .put("rating", rs.getObject("rating", Integer.class))
                .texts("rating_comment", "place")
                .put("latitude", rs.getBigDecimal("latitude"))
                .put("longitude", rs.getBigDecimal("longitude")));
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    if (found.isEmpty()) {
      return found;
    }
    // the files attached to them may show the person too: they go
    jdbc.sql("delete from interaction_attachment where interaction_id = any(:ids)")
        .param("ids", found.stream().map(r -> UUID.fromString(r.id())).toArray(UUID[]::new))
        .update();
    jdbc.sql(
            """
            update interaction set summary = :erased, participants = null, outcome = null,
              rating_comment = null, place = null, latitude = null, longitude = null,
              contact_id = case when :contactErased then null else contact_id end,
              updated_at = now(), version = version + 1
            where id = any(:ids)
            """)
        .param("erased", ERASED_NAME)
        .param("contactErased", subject instanceof ContactSubject)
        .param("ids", found.stream().map(r -> UUID.fromString(r.id())).toArray(UUID[]::new))
        .update();
    return found;
  }
}
