package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.guanxi.crm.privacy.Masking;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;

/** A lead as the API and the pages show it: phone and e-mail masked unless revealed. */
record LeadResource(
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
    boolean personalDataRevealed,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  static LeadResource of(Lead lead, boolean revealed) {
    return new LeadResource(
        lead.id(),
        lead.name(),
        lead.company(),
        lead.title(),
        revealed ? lead.phone() : Masking.mask(SensitiveField.PHONE, lead.phone()),
        revealed ? lead.email() : Masking.mask(SensitiveField.EMAIL, lead.email()),
        lead.source(),
        lead.city(),
        lead.industry(),
        lead.notes(),
        lead.status(),
        lead.disqualificationReason(),
        lead.ownerId(),
        lead.ownerName(),
        lead.teamId(),
        lead.customerId(),
        lead.convertedAt(),
        revealed,
        lead.createdAt(),
        lead.updatedAt(),
        lead.version());
  }

  public String displayName() {
    return name != null ? name : String.valueOf(company);
  }
}
