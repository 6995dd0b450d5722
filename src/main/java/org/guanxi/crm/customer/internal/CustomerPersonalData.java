package org.guanxi.crm.customer.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.privacy.BlindIndex;
import org.guanxi.crm.privacy.DataSubject;
import org.guanxi.crm.privacy.DataSubject.ContactSubject;
import org.guanxi.crm.privacy.DataSubject.CustomerSubject;
import org.guanxi.crm.privacy.DataSubject.LeadSubject;
import org.guanxi.crm.privacy.FieldCipher;
import org.guanxi.crm.privacy.ModulePersonalData;
import org.guanxi.crm.privacy.PersonalCopy;
import org.guanxi.crm.privacy.PersonalRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal data the customer module holds about one person: the customer (and the duplicates
 * merged into it, which kept their own copy), its contacts, its timeline entries, and the import
 * rows that became it or were held as its possible duplicates. Erasure keeps the rows (orders,
 * deals and plans refer to them) and removes what identifies the person; held import rows are
 * deleted, as their sealed cells cannot be told apart.
 */
@Component
class CustomerPersonalData extends ModulePersonalData {

  private static final String CUSTOMER = "customer";
  private static final String CONTACT = "contact";
  private static final String TIMELINE_ENTRY = "timeline-entry";

  /** The fields of each kind of record that are the person's; the others give context. */
  private static final Map<String, Set<String>> PERSONAL_FIELDS =
      Map.of(
          CUSTOMER,
          Set.of(
              "name",
              "phone",
              "email",
              "idCard",
              "birthday",
              "address",
              "city",
              "preferences",
              "customFields"),
          CONTACT,
          Set.of("name", "title", "phone", "email"),
          TIMELINE_ENTRY,
          Set.of("detail"),
          IMPORT_ROW,
          Set.of("values"));

  /**
   * The timeline's detail keys that name a contact or a lead (see ContactService, LeadConverted).
   */
  private static final String[] NAMING_KEYS = {"contact", "summary"};

  private static final String THE_CONTACT = "id = :contact and customer_id = :customer";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final BlindIndex blindIndex;
  private final Clock clock;

  CustomerPersonalData(JdbcClient jdbc, FieldCipher cipher, BlindIndex blindIndex, Clock clock) {
    super("customer", PERSONAL_FIELDS, cipher);
    this.jdbc = jdbc;
    this.blindIndex = blindIndex;
    this.clock = clock;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    List<PersonalCopy> copies = new ArrayList<>();
    if (subject instanceof CustomerSubject customer) {
      UUID[] ids = withMergedDuplicates(customer.customerId());
      copies.addAll(customers(ids));
      copies.addAll(contacts("customer_id = any(:ids)", Map.of("ids", ids)));
      copies.addAll(timeline("customer_id = any(:ids) and detail <> '{}'", Map.of("ids", ids)));
      copies.addAll(importRows(ids));
    } else if (subject instanceof ContactSubject contact) {
      List<PersonalCopy> found = contacts(THE_CONTACT, contactParameters(contact));
      copies.addAll(found);
      for (PersonalCopy held : found) {
        copies.addAll(
            timeline(
                "customer_id = :customer and detail ->> 'contact' = :name",
                Map.of("customer", contact.customerId(), "name", held.values().get("name"))));
      }
    } else if (subject instanceof LeadSubject lead) {
      copies.addAll(
          timeline(
              "detail ->> 'link' = :link and detail ->> 'summary' is not null",
              Map.of("link", leadLink(lead))));
    }
    return copies;
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    Timestamp now = Timestamp.from(clock.instant());
    if (subject instanceof CustomerSubject customer) {
      UUID[] ids = withMergedDuplicates(customer.customerId());
      jdbc.sql(
              """
                update customer set name = :erased, phone_enc = null, phone_bidx = null, phone_tail_bidx = null,
                  email_enc = null, email_bidx = null, id_card_enc = null, id_card_bidx = null, birthday_enc = null,
                  address_enc = null, city = null, preferences = null, custom_fields = '{}', search_name = '',
                  search_latin = '', search_grams = '{}', name_keys = '{}', erased_at = :now, updated_at = :now,
                  version = version + 1
                where id = any(:ids) and erased_at is null
                """)
          .param("erased", ERASED_NAME)
          .param("now", now)
          .param("ids", ids)
          .update();
      eraseContacts("customer_id = any(:ids)", Map.of("ids", ids), now);
      jdbc.sql("update customer_timeline set detail = '{}' where customer_id = any(:ids)")
          .param("ids", ids)
          .update();
      jdbc.sql(
              "delete from customer_import_row where customer_id = any(:ids) or candidate_id = any(:ids)")
          .param("ids", ids)
          .update();
    } else if (subject instanceof ContactSubject contact) {
      for (PersonalRecord record : found) {
        if (record.kind().equals(TIMELINE_ENTRY)) {
          withoutNamingKeys("id = :id", Map.of("id", UUID.fromString(record.id())));
        }
      }
      eraseContacts(THE_CONTACT, contactParameters(contact), now);
    } else if (subject instanceof LeadSubject lead) {
      withoutNamingKeys("detail ->> 'link' = :link", Map.of("link", leadLink(lead)));
    }
    return found;
  }

  @Override
  public List<DataSubject> subjectsWith(@Nullable String email, @Nullable String phone) {
    Map<String, @Nullable Object> keys = blindIndex.emailOrPhone(email, phone);
    List<DataSubject> subjects = new ArrayList<>();
    subjects.addAll(
        jdbc.sql(
                "select id from customer where (email_bidx = :email or phone_bidx = :phone) and erased_at is null")
            .params(keys)
            .query((rs, n) -> (DataSubject) new CustomerSubject(rs.getObject(1, UUID.class)))
            .list());
    subjects.addAll(
        jdbc.sql(
                """
                select customer_id, id from customer_contact
                where (email_bidx = :email or phone_bidx = :phone) and erased_at is null
                """)
            .params(keys)
            .query(
                (rs, n) ->
                    (DataSubject)
                        new ContactSubject(
                            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .list());
    return subjects;
  }

  /**
   * The customer and every customer merged into it, through merges of merges: a merged duplicate is
   * kept in the recycle bin with the person's data it had.
   */
  private UUID[] withMergedDuplicates(UUID customerId) {
    return jdbc.sql(
            """
            with recursive held as (
              select id from customer where id = :id
              union
              select c.id from customer c join held on c.merged_into = held.id)
            select id from held
            """)
        .param("id", customerId)
        .query(UUID.class)
        .list()
        .toArray(UUID[]::new);
  }

  private List<PersonalCopy> customers(UUID[] ids) {
    return copies(
        jdbc.sql(
                """
                select id, kind, name, industry, source, city, lifecycle_stage, tags, preferences, custom_fields::text,
                  external_key, merged_into, created_at, phone_enc, email_enc, id_card_enc, birthday_enc, address_enc
                from customer where id = any(:ids) and erased_at is null order by id
                """)
            .param("ids", ids),
        CUSTOMER,
        (rs, id, values) ->
            values
                .texts("name", "kind")
                .put("phone", open(rs, "customer", "phone_enc", id))
                .put("email", open(rs, "customer", "email_enc", id))
                .put("idCard", open(rs, "customer", "id_card_enc", id))
                .put("birthday", open(rs, "customer", "birthday_enc", id))
                .put("address", open(rs, "customer", "address_enc", id))
                .texts("city", "industry", "source", "lifecycle_stage")
                .put("tags", Arrays.asList((String[]) rs.getArray("tags").getArray()))
                .texts("preferences")
                .put("customFields", JSON.readValue(rs.getString("custom_fields"), Map.class))
                .texts("external_key")
                .id("merged_into")
                .instant("created_at"));
  }

  private List<PersonalCopy> contacts(String where, Map<String, ?> parameters) {
    return copies(
        jdbc.sql(
                "select id, customer_id, name, title, phone_enc, email_enc, is_primary, created_at "
                    + "from customer_contact where erased_at is null and "
                    + where
                    + " order by created_at, id")
            .params(parameters),
        CONTACT,
        (rs, id, values) ->
            values
                .id("customer_id")
                .texts("name", "title")
                .put("phone", open(rs, "customer_contact", "phone_enc", id))
                .put("email", open(rs, "customer_contact", "email_enc", id))
                .put("primary", rs.getBoolean("is_primary"))
                .instant("created_at"));
  }

  private List<PersonalCopy> timeline(String where, Map<String, ?> parameters) {
    return copies(
        jdbc.sql(
                "select id, customer_id, occurred_at, kind, actor_name, detail::text from customer_timeline where "
                    + where
                    + " order by occurred_at, id")
            .params(parameters),
        TIMELINE_ENTRY,
        (rs, id, values) ->
            values
                .id("customer_id")
                .instant("occurred_at")
                .texts("kind", "actor_name")
                .put("detail", JSON.readValue(rs.getString("detail"), Map.class)));
  }

  private List<PersonalCopy> importRows(UUID[] ids) {
    return jdbc.sql(
            """
            select import_id, row_number, status, values_enc, customer_id, candidate_id from customer_import_row
            where customer_id = any(:ids) or candidate_id = any(:ids) order by import_id, row_number
            """)
        .param("ids", ids)
        .query(
            (rs, n) -> {
              Map<String, @Nullable Object> outcome = new LinkedHashMap<>();
              outcome.put("status", rs.getString("status"));
              outcome.put("customerId", text(rs.getObject("customer_id", UUID.class)));
              outcome.put("candidateId", text(rs.getObject("candidate_id", UUID.class)));
              return importRow(
                  rs, "customer_import_row", "values_enc", outcome, "values", Map.class);
            })
        .list();
  }

  private void eraseContacts(String where, Map<String, ?> parameters, Timestamp now) {
    jdbc.sql(
            """
            update customer_contact set name = :erased, title = null, phone_enc = null, phone_bidx = null,
              phone_tail_bidx = null, email_enc = null, email_bidx = null, erased_at = :now, version = version + 1
            where erased_at is null and\s"""
                + where)
        .params(parameters)
        .param("erased", ERASED_NAME)
        .param("now", now)
        .update();
  }

  /** Removes the keys that name a person from timeline entries; the rest of each entry stays. */
  private void withoutNamingKeys(String where, Map<String, ?> parameters) {
    jdbc.sql("update customer_timeline set detail = detail - cast(:keys as text[]) where " + where)
        .params(parameters)
        .param("keys", NAMING_KEYS)
        .update();
  }

  private static Map<String, Object> contactParameters(ContactSubject contact) {
    return Map.of("contact", contact.contactId(), "customer", contact.customerId());
  }

  private static String leadLink(LeadSubject lead) {
    return "/leads/" + lead.leadId();
  }

  private static @Nullable String text(@Nullable UUID id) {
    return id == null ? null : id.toString();
  }
}
