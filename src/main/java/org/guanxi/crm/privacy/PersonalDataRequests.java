package org.guanxi.crm.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A data-subject request answered by every module at once: what is held about a person, a copy of
 * it, its erasure. Copies and erasures are written to the audit log (which itself is kept: it is
 * the record of the processing, append-only, and names fields and counts, never the data).
 */
@Service
public class PersonalDataRequests {

  private final List<PersonalData> modules;
  private final AuditLog audit;

  PersonalDataRequests(List<PersonalData> modules, AuditLog audit) {
    this.modules = modules.stream().sorted(Comparator.comparing(PersonalData::module)).toList();
    this.audit = audit;
  }

  /** The modules that hold personal data, by name. */
  public Set<String> modules() {
    Set<String> names = new TreeSet<>();
    modules.forEach(module -> names.add(module.module()));
    return names;
  }

  /** The people held with this e-mail address or phone number, in any module. */
  public List<DataSubject> subjectsWith(@Nullable String email, @Nullable String phone) {
    String normalisedEmail = ContactValues.email("email", email);
    String normalisedPhone = ContactValues.phone("phone", phone);
    if (normalisedEmail == null && normalisedPhone == null) {
      return List.of();
    }
    Set<DataSubject> subjects = new LinkedHashSet<>();
    modules.forEach(
        module -> subjects.addAll(module.subjectsWith(normalisedEmail, normalisedPhone)));
    return List.copyOf(subjects);
  }

  @Transactional(readOnly = true)
  public List<PersonalRecord> findEverywhere(DataSubject subject) {
    WorkspaceContext.require();
    return everywhere(module -> module.find(subject));
  }

  /** The person's data in clear from every module; an export, so it is audited. */
  @Transactional
  public List<PersonalCopy> copyEverywhere(CurrentUser actor, DataSubject subject) {
    inItsWorkspace(actor);
    List<PersonalCopy> copies = everywhere(module -> module.copy(subject));
    audit(
        actor,
        AuditAction.EXPORT,
        subject,
        "data-subject-copy",
        copies.stream()
            .map(copy -> new PersonalRecord(copy.module(), copy.kind(), copy.id(), List.of()))
            .toList());
    return copies;
  }

  /**
   * Erases the person's data in every module in one transaction with its audit entry: a module that
   * fails leaves nothing erased anywhere, so a request never ends half done.
   */
  @Transactional
  public List<PersonalRecord> eraseEverywhere(CurrentUser actor, DataSubject subject) {
    inItsWorkspace(actor);
    List<PersonalRecord> erased = everywhere(module -> module.erase(subject));
    audit(actor, AuditAction.ERASE, subject, "data-subject-erasure", erased);
    return erased;
  }

  /** What every module answers, one module after another. */
  private <T> List<T> everywhere(Function<PersonalData, List<T>> ask) {
    List<T> answers = new ArrayList<>();
    modules.forEach(module -> answers.addAll(ask.apply(module)));
    return answers;
  }

  /** Writes the request's audit entry, naming the records it reached. */
  private void audit(
      CurrentUser actor,
      AuditAction action,
      DataSubject subject,
      String request,
      List<PersonalRecord> records) {
    audit.record(actor, action, subject.type(), subject.id(), detail(subject, request, records));
  }

  private static void inItsWorkspace(CurrentUser actor) {
    if (!WorkspaceContext.require().equals(actor.workspaceId())) {
      throw new IllegalStateException("A data-subject request runs in its actor's workspace");
    }
  }

  /** Counts of records per module and kind, and the fields: never a value. */
  private static Map<String, Object> detail(
      DataSubject subject, String purpose, List<PersonalRecord> records) {
    Map<String, Integer> counts = new TreeMap<>();
    Set<String> fields = new TreeSet<>();
    for (PersonalRecord record : records) {
      counts.merge(record.module() + "." + record.kind(), 1, Integer::sum);
      fields.addAll(record.fields());
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("purpose", purpose);
    if (subject instanceof DataSubject.ContactSubject contact) {
      detail.put("customerId", contact.customerId());
    }
    detail.put("records", counts);
    if (!fields.isEmpty()) {
      detail.put("fields", fields);
    }
    return detail;
  }
}
