package org.guanxi.crm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.FreeText;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.Owners;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.privacy.AuditAction;
import org.guanxi.crm.privacy.AuditLog;
import org.guanxi.crm.privacy.ContactValues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, changing, qualifying and disqualifying leads, under ownership and versions. */
@Service
class LeadService {

  static final String KIND = "lead";

  private final LeadStore store;
  private final LeadAssignment assignment;
  private final UserDirectory users;
  private final Owners owners;
  private final AuditLog audit;
  private final InputValidation validation;
  private final Clock clock;

  LeadService(
      LeadStore store,
      LeadAssignment assignment,
      UserDirectory users,
      Owners owners,
      AuditLog audit,
      InputValidation validation,
      Clock clock) {
    this.store = store;
    this.assignment = assignment;
    this.users = users;
    this.owners = owners;
    this.audit = audit;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  Lead create(CurrentUser user, LeadDraft draft) {
    validation.check(draft);
    LeadStatus status = draft.status() == null ? LeadStatus.NEW : draft.status();
    if (!status.isOpen()) {
      throw statusNotSettable();
    }
    UserSummary owner = owners.choose(user, draft.ownerId(), null, "leads");
    UUID id = Ids.newId();
    store.insert(id, content(draft, status, owner.id(), owner.teamId()), now());
    return get(user, id);
  }

  /**
   * A lead that came in without an owner (the web form, an import), checked first, then given to
   * whom the assignment rules name, else to the default owner or team of where it came from.
   */
  @Transactional
  UUID createAssigned(
      LeadDraft draft, @Nullable UUID defaultOwnerId, @Nullable UUID defaultTeamId) {
    validation.check(draft);
    LeadStore.Content unassigned = content(draft, LeadStatus.NEW, null, null);
    LeadAssignment.Assignee assignee =
        assignment.assign(
            unassigned.lead().city(), unassigned.lead().industry(), defaultOwnerId, defaultTeamId);
    UUID id = Ids.newId();
    store.insert(id, unassigned.assignedTo(assignee.ownerId(), assignee.teamId()), now());
    return id;
  }

  /**
   * Creates many leads that came in without an owner (an import) in one go: each checked, then
   * given to whom the assignment rules name, else to {@code defaultOwnerId}.
   *
   * @return the new leads' ids, in the order of the drafts
   */
  @Transactional
  List<UUID> createAllAssigned(List<LeadDraft> drafts, UUID defaultOwnerId) {
    LeadAssignment.Assigner assigner = assignment.assigner();
    Map<UUID, LeadStore.Content> leads = new LinkedHashMap<>();
    for (LeadDraft draft : drafts) {
      validation.check(draft);
      LeadStore.Content unassigned = content(draft, LeadStatus.NEW, null, null);
      LeadAssignment.Assignee assignee =
          assigner.assign(
              unassigned.lead().city(), unassigned.lead().industry(), defaultOwnerId, null);
      leads.put(Ids.newId(), unassigned.assignedTo(assignee.ownerId(), assignee.teamId()));
    }
    store.insertAll(leads, now());
    return List.copyOf(leads.keySet());
  }

  /**
   * Creates many leads (an import) in one go, all given to {@code ownerId} when the user may give
   * leads to that user.
   *
   * @return the new leads' ids, in the order of the drafts
   */
  @Transactional
  List<UUID> createAllOwnedBy(CurrentUser user, List<LeadDraft> drafts, UUID ownerId) {
    UserSummary owner = owners.choose(user, ownerId, null, "leads");
    Map<UUID, LeadStore.Content> leads = new LinkedHashMap<>();
    for (LeadDraft draft : drafts) {
      validation.check(draft);
      leads.put(Ids.newId(), content(draft, LeadStatus.NEW, owner.id(), owner.teamId()));
    }
    store.insertAll(leads, now());
    return List.copyOf(leads.keySet());
  }

  /**
   * Checks a draft as creating a lead would, without storing anything: {@link InvalidInput} naming
   * every field at fault. Not transactional, so that a caller inside a transaction (an import) may
   * catch the refusal and go on.
   */
  void check(LeadDraft draft) {
    List<InvalidInput.FieldError> errors = new ArrayList<>();
    collect(errors, () -> validation.check(draft));
    collect(errors, () -> ContactValues.phone("phone", draft.phone()));
    collect(errors, () -> ContactValues.email("email", draft.email()));
    if (FreeText.stripped(draft.name()) == null && FreeText.stripped(draft.company()) == null) {
      errors.add(
          new InvalidInput.FieldError("name", "name-or-company", "Give a name or a company"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static void collect(List<InvalidInput.FieldError> errors, Runnable check) {
    try {
      check.run();
    } catch (InvalidInput e) {
      errors.addAll(e.errors());
    }
  }

  Lead get(CurrentUser user, UUID id) {
    return store.findVisible(user, id).orElseThrow(() -> new RecordNotFound(KIND, id));
  }

  /** The lead with its phone and e-mail in plain text, the reveal written to the audit log. */
  @Transactional
  Lead reveal(CurrentUser user, UUID id) {
    Lead lead = get(user, id);
    audit.record(user, AuditAction.REVEAL, KIND, id, Map.of("fields", List.of("phone", "email")));
    return lead;
  }

  LeadPage list(CurrentUser user, LeadQuery query) {
    return store.list(user, query);
  }

  @Transactional
  Lead update(CurrentUser user, UUID id, @Nullable Long expectedVersion, LeadDraft draft) {
    validation.check(draft);
    Lead current = editable(user, id, expectedVersion);
    LeadStatus status = draft.status() == null ? current.status() : draft.status();
    if (status != current.status() && !(status.isOpen() && current.status().isOpen())) {
      throw statusNotSettable();
    }
    UserSummary owner = owners.choose(user, draft.ownerId(), current.ownerId(), "leads");
    StaleVersion.unless(
        store.update(
            id, current.version(), content(draft, status, owner.id(), owner.teamId()), now()),
        KIND,
        () -> get(user, id).version());
    return get(user, id);
  }

  @Transactional
  Lead qualify(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Lead current = editable(user, id, expectedVersion);
    if (current.status() == LeadStatus.QUALIFIED) {
      return current;
    }
    return changeStatus(user, current, LeadStatus.QUALIFIED, null);
  }

  @Transactional
  Lead disqualify(
      CurrentUser user, UUID id, @Nullable Long expectedVersion, @Nullable String reason) {
    String why = FreeText.stripped(reason);
    if (why == null) {
      throw new InvalidInput("reason", "required", "Say why the lead is disqualified");
    }
    if (why.length() > 500) {
      throw new InvalidInput("reason", "too-long", "A reason has at most 500 characters");
    }
    return changeStatus(user, editable(user, id, expectedVersion), LeadStatus.DISQUALIFIED, why);
  }

  @Transactional
  void delete(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Lead current = editable(user, id, expectedVersion);
    StaleVersion.unless(store.delete(id, current.version()), KIND, () -> get(user, id).version());
  }

  /**
   * Owners the user may give a lead to: anyone for workspace-wide roles, the team for a manager,
   * oneself for a rep.
   */
  List<UserSummary> assignableOwners(CurrentUser user) {
    return owners.assignable(user);
  }

  /** A visible lead that is not converted and is still at the version the caller read. */
  Lead editable(CurrentUser user, UUID id, @Nullable Long expectedVersion) {
    Lead current = get(user, id);
    if (current.status() == LeadStatus.CONVERTED) {
      throw new LeadAlreadyConverted(id, Objects.requireNonNull(current.customerId()));
    }
    StaleVersion.check(KIND, expectedVersion, current.version());
    return current;
  }

  private Lead changeStatus(
      CurrentUser user, Lead current, LeadStatus status, @Nullable String reason) {
    StaleVersion.unless(
        store.changeStatus(current.id(), current.version(), status, reason, now()),
        KIND,
        () -> get(user, current.id()).version());
    return get(user, current.id());
  }

  private static LeadStore.Content content(
      LeadDraft draft, LeadStatus status, @Nullable UUID ownerId, @Nullable UUID teamId) {
    String name = FreeText.stripped(draft.name());
    String company = FreeText.stripped(draft.company());
    if (name == null && company == null) {
      throw new InvalidInput(
          List.of(
              new InvalidInput.FieldError("name", "name-or-company", "Give a name or a company"),
              new InvalidInput.FieldError(
                  "company", "name-or-company", "Give a name or a company")));
    }
    return new LeadStore.Content(
        new LeadDraft(
            name,
            company,
            FreeText.stripped(draft.title()),
            ContactValues.phone("phone", draft.phone()),
            ContactValues.email("email", draft.email()),
            FreeText.stripped(draft.source()),
            FreeText.stripped(draft.city()),
            FreeText.stripped(draft.industry()),
            FreeText.stripped(draft.notes()),
            status,
            ownerId),
        status,
        teamId);
  }

  private static InvalidInput statusNotSettable() {
    return new InvalidInput(
        "status",
        "status-not-settable",
        "An open lead is NEW or WORKING; qualify, disqualify or convert it with their actions");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
