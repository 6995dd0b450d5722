package org.guanxi.crm.leads.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.CustomerMerged;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.customer.DuplicateCandidate;
import org.guanxi.crm.customer.NewContact;
import org.guanxi.crm.customer.NewCustomer;
import org.guanxi.crm.leads.LeadConverted;
import org.guanxi.crm.opportunities.Opportunities;
import org.guanxi.crm.opportunities.OpportunityPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a qualified lead into a customer and a contact in one transaction, after looking for the
 * customer among the existing ones, and opens a deal for it when asked to, in the same transaction.
 */
@Service
class LeadConversion {

  /** What a conversion did; {@code opportunityId} is the deal it opened, if any. */
  record Outcome(
      Lead lead, UUID customerId, boolean customerCreated, @Nullable UUID opportunityId) {}

  private final LeadService leads;
  private final LeadStore store;
  private final Customers customers;
  private final UserDirectory users;
  private final ApplicationEventPublisher events;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Opportunities opportunities;
  private final InputValidation validation;

  LeadConversion(
      LeadService leads,
      LeadStore store,
      Customers customers,
      UserDirectory users,
      ApplicationEventPublisher events,
      JdbcClient jdbc,
      Clock clock,
      Opportunities opportunities,
      InputValidation validation) {
    this.leads = leads;
    this.store = store;
    this.customers = customers;
    this.users = users;
    this.events = events;
    this.jdbc = jdbc;
    this.clock = clock;
    this.opportunities = opportunities;
    this.validation = validation;
  }

  /** The existing customers the lead may be, for the user to choose from. */
  List<DuplicateCandidate> candidates(CurrentUser user, UUID leadId) {
    Lead lead = convertible(user, leadId, null);
    return customers.duplicateCandidates(user, customerOf(user, lead), contactOf(lead));
  }

  @Transactional
  Outcome convert(
      CurrentUser user,
      UUID leadId,
      @Nullable Long expectedVersion,
      LeadConversionRequest request) {
    Lead lead = convertible(user, leadId, expectedVersion);
    validation.check(request);
    if (request.opportunity() != null && !user.can(OpportunityPermissions.OPPORTUNITY_WRITE)) {
      throw new AccessDeniedException("OPPORTUNITY_WRITE");
    }
    if (request.customerId() != null && request.forceNew()) {
      throw new InvalidInput(
          "createNew", "choose-one", "Either name an existing customer or create a new one");
    }
    NewContact contact = contactOf(lead);
    UUID customerId;
    boolean created;
    if (request.customerId() != null) {
      customerId = request.customerId();
      created = false;
      try {
        if (contact != null) {
          customers.addContact(user, customerId, contact);
        } else if (customers.find(user, customerId).isEmpty()) {
          throw new RecordNotFound("customer", customerId);
        }
      } catch (RecordNotFound e) {
        throw new InvalidInput(
            "customerId", "unknown-customer", "No customer with this id is visible to you");
      }
    } else {
      NewCustomer customer = customerOf(user, lead);
      if (!request.forceNew()) {
        List<DuplicateCandidate> candidates =
            customers.duplicateCandidates(user, customer, contact);
        if (!candidates.isEmpty()) {
          throw new LeadMatchesExistingCustomers(leadId, candidates);
        }
      }
      customerId = customers.create(user, customer, contact);
      created = true;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    StaleVersion.unless(
        store.markConverted(leadId, lead.version(), customerId, now),
        LeadService.KIND,
        () -> leads.get(user, leadId).version());
    events.publishEvent(
        new LeadConverted(
            user.workspaceId(),
            leadId,
            customerId,
            created,
            lead.displayName(),
            now,
            user.displayName()));
    UUID opportunityId = null;
    if (request.opportunity() != null) {
      // the deal goes to the lead's owner while active, as the customer does
      UUID owner =
          lead.ownerId() != null
                  && users.find(lead.ownerId()).map(UserSummary::active).orElse(false)
              ? lead.ownerId()
              : null;
      opportunityId =
          opportunities.openFromLead(user, request.opportunity().draft(customerId, owner), leadId);
    }
    return new Outcome(leads.get(user, leadId), customerId, created, opportunityId);
  }

  /**
   * A converted lead follows its customer when that is merged into another, once the merge is
   * committed (a module listener: retried until it succeeds).
   */
  @ApplicationModuleListener
  void on(CustomerMerged merged) {
    jdbc.sql("update sales_lead set customer_id = ? where customer_id = ?")
        .params(merged.survivorId(), merged.duplicateId())
        .update();
  }

  private Lead convertible(CurrentUser user, UUID leadId, @Nullable Long expectedVersion) {
    Lead lead = leads.editable(user, leadId, expectedVersion);
    if (lead.status() != LeadStatus.QUALIFIED) {
      throw new LeadNotQualified(leadId, lead.status());
    }
    return lead;
  }

  /**
   * The company when the lead names one, with the person as its contact; the person as an
   * individual customer otherwise. The lead's owner keeps the customer while still active.
   */
  private NewCustomer customerOf(CurrentUser user, Lead lead) {
    boolean organisation = lead.company() != null;
    UUID ownerId =
        lead.ownerId() != null && users.find(lead.ownerId()).map(UserSummary::active).orElse(false)
            ? lead.ownerId()
            : user.id();
    boolean personalDataOnCustomer = !organisation || lead.name() == null;
    return new NewCustomer(
        organisation ? CustomerKind.ORGANIZATION : CustomerKind.INDIVIDUAL,
        organisation ? lead.company() : lead.displayName(),
        lead.industry(),
        lead.source(),
        lead.city(),
        null,
        ownerId,
        personalDataOnCustomer ? lead.phone() : null,
        personalDataOnCustomer ? lead.email() : null);
  }

  private static @Nullable NewContact contactOf(Lead lead) {
    return lead.name() == null
        ? null
        : new NewContact(lead.name(), lead.title(), lead.phone(), lead.email());
  }
}
