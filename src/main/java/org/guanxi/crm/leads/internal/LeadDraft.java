package org.guanxi.crm.leads.internal;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a user fills in for a lead: the input of creating and of changing one. A person's name, a
 * company, or both.
 */
record LeadDraft(
    @Nullable @Size(max = 100) String name,
    @Nullable @Size(max = 200) String company,
    @Nullable @Size(max = 100) String title,
    @Nullable @Size(max = 40) String phone,
    @Nullable @Size(max = 254) String email,
    @Nullable @Size(max = 100) String source,
    @Nullable @Size(max = 100) String city,
    @Nullable @Size(max = 100) String industry,
    @Nullable @Size(max = 2000) String notes,
    @Nullable LeadStatus status,
    @Nullable UUID ownerId) {

  /** The draft given to another owner. */
  LeadDraft withOwner(@Nullable UUID owner) {
    return new LeadDraft(
        name, company, title, phone, email, source, city, industry, notes, status, owner);
  }

  static LeadDraft empty(@Nullable UUID ownerId) {
    return new LeadDraft(null, null, null, null, null, null, null, null, null, null, ownerId);
  }
}
