package org.guanxi.crm.customer.internal;

import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.guanxi.crm.privacy.Masking;
import org.guanxi.crm.privacy.SensitiveField;
import org.jspecify.annotations.Nullable;

/** A person to talk to at a customer, with personal data decrypted. */
record Contact(
    UUID id,
    UUID customerId,
    String name,
    @Nullable String title,
    @Nullable String phone,
    @Nullable String email,
    boolean primary,
    Instant createdAt,
    long version) {

  ContactDraft draft() {
    return new ContactDraft(name, title, phone, email, primary);
  }

  /** As the API and pages show it: phone and e-mail masked. */
  record View(
      UUID id,
      UUID customerId,
      String name,
      @Nullable String title,
      @Nullable String phone,
      @Nullable String email,
      boolean primary,
      Instant createdAt,
      long version)
      implements Versioned {}

  View masked() {
    return new View(
        id,
        customerId,
        name,
        title,
        Masking.mask(SensitiveField.PHONE, phone),
        Masking.mask(SensitiveField.EMAIL, email),
        primary,
        createdAt,
        version);
  }
}
