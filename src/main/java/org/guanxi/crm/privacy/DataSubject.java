package org.guanxi.crm.privacy;

import java.util.UUID;

/**
 * The person a data-subject request is about, as the CRM knows people: a customer (an individual,
 * or an organisation whose people are its contacts), one contact of a customer, or a lead not yet
 * converted. Every module that holds personal data answers for each kind ({@link PersonalData}).
 */
public sealed interface DataSubject {

  /** What the audit log calls the subject ({@code customer}, {@code contact}, {@code lead}). */
  String type();

  /** The record that is the person: the customer, the contact or the lead. */
  UUID id();

  /** A customer with everything held for it: its contacts, timeline, leads converted into it. */
  record CustomerSubject(UUID customerId) implements DataSubject {
    @Override
    public String type() {
      return "customer";
    }

    @Override
    public UUID id() {
      return customerId;
    }
  }

  /** One person at a customer; the customer's own record and its other people stay. */
  record ContactSubject(UUID customerId, UUID contactId) implements DataSubject {
    @Override
    public String type() {
      return "contact";
    }

    @Override
    public UUID id() {
      return contactId;
    }
  }

  /** A lead, and what its imports reported about it. */
  record LeadSubject(UUID leadId) implements DataSubject {
    @Override
    public String type() {
      return "lead";
    }

    @Override
    public UUID id() {
      return leadId;
    }
  }
}
