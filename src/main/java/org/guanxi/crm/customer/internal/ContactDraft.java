package org.guanxi.crm.customer.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** What a user fills in for a contact. */
record ContactDraft(
    @NotBlank @Size(max = 100) String name,
    @Nullable @Size(max = 100) String title,
    @Nullable @Size(max = 40) String phone,
    @Nullable @Size(max = 254) String email,
    @Nullable Boolean primary) {

  boolean isPrimary() {
    return Boolean.TRUE.equals(primary);
  }
}
