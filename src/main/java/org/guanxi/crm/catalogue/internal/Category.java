package org.guanxi.crm.catalogue.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A product category, possibly below another. */
record Category(UUID id, String name, @Nullable UUID parentId, long version) implements Versioned {

  /** What a user fills in for a category. */
  record Draft(@NotBlank @Size(max = 100) String name, @Nullable UUID parentId) {}

  Draft draft() {
    return new Draft(name, parentId);
  }
}
