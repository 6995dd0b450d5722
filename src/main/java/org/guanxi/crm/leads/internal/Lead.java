package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A lead as stored, its phone and e-mail decrypted. */
record Lead(
    UUID id,
    @Nullable String name,
    @Nullable String company,
    @Nullable String title,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String source,
    @Nullable String city,
    @Nullable String industry,
    @Nullable String notes,
    LeadStatus status,
    @Nullable String disqualificationReason,
    @Nullable UUID ownerId,
    @Nullable String ownerName,
    @Nullable UUID teamId,
    @Nullable UUID customerId,
    @Nullable Instant convertedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The name to show: the person's, else the company's. */
  String displayName() {
    return name != null ? name : String.valueOf(company);
  }

  LeadDraft draft() {
    return new LeadDraft(
        name, company, title, phone, email, source, city, industry, notes, status, ownerId);
  }
}
