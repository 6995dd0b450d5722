package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.Versioned;
import org.guanxi.crm.privacy.Masking;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it: personal data masked unless it was revealed. {@code externalKey}
 * is the customer's key in another system, by which imported orders find it.
 */
record CustomerResource(
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
    @Nullable String phone,
    @Nullable String email,
    @Nullable String idCard,
    @Nullable String birthday,
    @Nullable String address,
    Map<String, Object> customFields,
    boolean personalDataRevealed,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant deletedAt,
    long version,
    @Nullable String externalKey)
    implements Versioned {

  static CustomerResource of(Customer c, boolean revealed) {
    PersonalData p = c.personal();
    String birthday = p.birthday() == null ? null : p.birthday().toString();
    return new CustomerResource(
        c.id(),
        c.kind(),
        c.name(),
        c.industry(),
        c.source(),
        c.city(),
        c.lifecycleStage(),
        c.classification(),
        c.tags(),
        c.preferences(),
        c.ownerId(),
        c.ownerName(),
        revealed ? p.phone() : Masking.mask(SensitiveField.PHONE, p.phone()),
        revealed ? p.email() : Masking.mask(SensitiveField.EMAIL, p.email()),
        revealed ? p.idCard() : Masking.mask(SensitiveField.ID_CARD, p.idCard()),
        revealed ? birthday : Masking.mask(SensitiveField.BIRTHDAY, birthday),
        revealed ? p.address() : Masking.mask(SensitiveField.ADDRESS, p.address()),
        c.customFields(),
        revealed,
        c.createdAt(),
        c.updatedAt(),
        c.deletedAt(),
        c.version(),
        c.externalKey());
  }
}
