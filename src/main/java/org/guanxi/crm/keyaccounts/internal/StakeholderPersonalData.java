package org.guanxi.crm.keyaccounts.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.privacy.DataSubject;
import org.guanxi.crm.privacy.ModulePersonalData;
import org.guanxi.crm.privacy.PersonalCopy;
import org.guanxi.crm.privacy.PersonalRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The personal data key-account plans hold: their stakeholders, people on the customer's side by
 * name and title (with the customer's contact they are, when linked). A customer's erasure takes
 * the stakeholders of all its plans, a contact's those linked to it; the stakeholder keeps its
 * place, buying role and attitude (the plan's judgement of a role, not of the person once the name
 * is gone). The plan's version moves on, so that a whole-plan write from before cannot bring the
 * name back.
 */
@Component
class StakeholderPersonalData extends ModulePersonalData {

  private static final String STAKEHOLDER = "stakeholder";

  private final JdbcClient jdbc;

  StakeholderPersonalData(JdbcClient jdbc) {
    super("keyaccounts", Map.of(STAKEHOLDER, Set.of("name", "title")));
    this.jdbc = jdbc;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    String which = customerOrContact(subject, "p.customer_id", "s.contact_id");
    if (which.isEmpty()) {
      return List.of();
    }
    return copies(
        jdbc.sql(
                """
                select s.id, s.plan_id, p.year, s.name, s.title, s.buying_role, s.attitude, s.contact_id
                from sales_key_account_stakeholder s join sales_key_account_plan p on p.id = s.plan_id
                where s.name <> :erased and\s"""
                    + which
                    + " order by p.year, s.position")
            .params(customerOrContactParameters(subject)),
        STAKEHOLDER,
        (rs, id, values) ->
            values
                .id("plan_id")
                .put("year", rs.getInt("year"))
                .texts("name", "title", "buying_role", "attitude")
                .id("contact_id"));
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    if (found.isEmpty()) {
      return found;
    }
    UUID[] stakeholders = found.stream().map(r -> UUID.fromString(r.id())).toArray(UUID[]::new);
    jdbc.sql(
            """
            update sales_key_account_plan set version = version + 1
            where id in (select plan_id from sales_key_account_stakeholder where id = any(:stakeholders))
            """)
        .param("stakeholders", stakeholders)
        .update();
    jdbc.sql(
            """
            update sales_key_account_stakeholder set name = :erased, title = null
            where id = any(:stakeholders)
            """)
        .param("erased", ERASED_NAME)
        .param("stakeholders", stakeholders)
        .update();
    return found;
  }
}
