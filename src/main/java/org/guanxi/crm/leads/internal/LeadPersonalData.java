package org.guanxi.crm.leads.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * The personal data the leads module holds about one person: a lead (for a customer, the leads
 * converted into it) and the rows lead imports reported about it. Erasure keeps the lead, its
 * status and its link to the customer, without the person; reported import rows are deleted, their
 * sealed cells being the person's data and nothing else.
 */
@Component
class LeadPersonalData extends ModulePersonalData {

  private static final String LEAD = "lead";

  private final JdbcClient jdbc;
  private final BlindIndex blindIndex;
  private final Clock clock;

  LeadPersonalData(JdbcClient jdbc, FieldCipher cipher, BlindIndex blindIndex, Clock clock) {
    super(
        "leads",
        Map.of(
            LEAD,
            Set.of("name", "company", "title", "phone", "email", "city", "notes"),
            IMPORT_ROW,
            Set.of("cells")),
        cipher);
    this.jdbc = jdbc;
    this.blindIndex = blindIndex;
    this.clock = clock;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    UUID[] leads = leadsOf(subject);
    List<PersonalCopy> copies = new ArrayList<>(leads(leads));
    copies.addAll(importRows(leads));
    return copies;
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    UUID[] leads = leadsOf(subject);
    jdbc.sql(
            """
            update sales_lead set name = :erased, company = null, title = null, phone_enc = null, phone_bidx = null,
              phone_tail_bidx = null, email_enc = null, email_bidx = null, city = null, notes = null,
              search_name = '', search_latin = '', search_grams = '{}', erased_at = :now, updated_at = :now,
              version = version + 1
            where id = any(:leads) and erased_at is null
            """)
        .param("erased", ERASED_NAME)
        .param("now", Timestamp.from(clock.instant()))
        .param("leads", leads)
        .update();
    jdbc.sql(
            "delete from sales_lead_import_row where lead_id = any(:leads) or duplicate_of_lead = any(:leads)")
        .param("leads", leads)
        .update();
    return found;
  }

  @Override
  public List<DataSubject> subjectsWith(@Nullable String email, @Nullable String phone) {
    return jdbc.sql(
            "select id from sales_lead where (email_bidx = :email or phone_bidx = :phone) and erased_at is null")
        .params(blindIndex.emailOrPhone(email, phone))
        .query((rs, n) -> (DataSubject) new LeadSubject(rs.getObject(1, UUID.class)))
        .list();
  }

  /**
   * The leads that are the person: the lead itself, or those converted into the customer. A lead
   * converted into an existing customer's contact keeps no link to the contact, so a contact has
   * none here.
   */
  private UUID[] leadsOf(DataSubject subject) {
    if (subject instanceof LeadSubject lead) {
      return new UUID[] {lead.leadId()};
    }
    if (subject instanceof CustomerSubject customer) {
      return jdbc.sql("select id from sales_lead where customer_id = ?")
          .param(customer.customerId())
          .query(UUID.class)
          .list()
          .toArray(UUID[]::new);
    }
    if (subject instanceof ContactSubject) {
      return new UUID[0];
    }
    throw new IllegalArgumentException("Unknown subject " + subject);
  }

  private List<PersonalCopy> leads(UUID[] leads) {
    return copies(
        jdbc.sql(
                """
                select id, name, company, title, phone_enc, email_enc, source, city, industry, notes, status, customer_id,
                  created_at
                from sales_lead where id = any(:leads) and erased_at is null order by id
                """)
            .param("leads", leads),
        LEAD,
        (rs, id, values) ->
            values
                .texts("name", "company", "title")
                .put("phone", open(rs, "sales_lead", "phone_enc", id))
                .put("email", open(rs, "sales_lead", "email_enc", id))
                .texts("source", "city", "industry", "notes", "status")
                .id("customer_id")
                .instant("created_at"));
  }

  private List<PersonalCopy> importRows(UUID[] leads) {
    return jdbc.sql(
            """
            select import_id, row_number, outcome, cells_enc from sales_lead_import_row
            where lead_id = any(:leads) or duplicate_of_lead = any(:leads) order by import_id, row_number
            """)
        .param("leads", leads)
        .query(
            (rs, n) ->
                importRow(
                    rs,
                    "sales_lead_import_row",
                    "cells_enc",
                    Collections.singletonMap("outcome", rs.getString("outcome")),
                    "cells",
                    List.class))
        .list();
  }
}
