package org.guanxi.crm.tasks.internal;

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
 * The personal data tasks hold: what a customer's tasks say (their title and description). A
 * customer's erasure takes those words and keeps the tasks' days, status and assignees; tasks name
 * no contact or lead.
 */
@Component
class TaskPersonalData extends ModulePersonalData {

  private static final String TASK = "task";

  private final JdbcClient jdbc;

  TaskPersonalData(JdbcClient jdbc) {
    super("tasks", Map.of(TASK, Set.of("title", "description")));
    this.jdbc = jdbc;
  }

  @Override
  public List<PersonalCopy> copy(DataSubject subject) {
    if (!(subject instanceof DataSubject.CustomerSubject)) {
      return List.of();
    }
    return copies(
        jdbc.sql(
                """
                select t.id, t.customer_id, t.title, t.description, t.due_on, t.status from task t
                where t.title <> :erased and\s"""
                    + customerOrContact(subject, "t.customer_id", "")
                    + " order by t.due_on, t.id")
            .params(customerOrContactParameters(subject)),
        TASK,
        (rs, id, values) ->
            values
                .id("customer_id")
                .texts("title", "description")
                .put("due_on", rs.getDate("due_on").toLocalDate().toString())
                .texts("status"));
  }

  @Override
  public List<PersonalRecord> erase(DataSubject subject) {
    List<PersonalRecord> found = find(subject);
    if (!found.isEmpty()) {
      jdbc.sql(
              """
              update task set title = :erased, description = null, updated_at = now(),
                version = version + 1
              where id = any(:ids)
              """)
          .param("erased", ERASED_NAME)
          .param("ids", found.stream().map(r -> UUID.fromString(r.id())).toArray(UUID[]::new))
          .update();
    }
    return found;
  }
}
