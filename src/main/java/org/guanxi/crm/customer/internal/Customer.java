package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A customer record as stored, its personal data decrypted. */
record Customer(
    UUID id,
    CustomerKind kind,
    String name,
    @Nullable String industry,
    @Nullable String source,
    @Nullable String city,
    LifecycleStage lifecycleStage,
    Classification classification,
    List<String> tags,
    @Nullable String preferences,
    @Nullable UUID ownerId,
    @Nullable String ownerName,
    @Nullable UUID teamId,
    PersonalData personal,
    Map<String, Object> customFields,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant deletedAt,
    long version,
    @Nullable String externalKey)
    implements Versioned {

  CustomerSummary summary() {
    return new CustomerSummary(id, kind, name, lifecycleStage, classification, ownerId);
  }

  CustomerDraft draft() {
    return new CustomerDraft(
        kind,
        name,
        industry,
        source,
        city,
        lifecycleStage,
        classification,
        tags,
        preferences,
        ownerId,
        personal.phone(),
        personal.email(),
        personal.idCard(),
        personal.birthday(),
        personal.address(),
        customFields);
  }
}
