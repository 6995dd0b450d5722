package org.guanxi.crm.sales.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How to convert a lead: into the existing customer {@code customerId} (the lead's person becomes
 * its contact), into a new customer even though duplicates were found ({@code createNew}), or, with
 * neither, into a new customer only when no existing one looks the same.
 */
record LeadConversionRequest(@Nullable UUID customerId, @Nullable Boolean createNew) {

  static final LeadConversionRequest CHECK_DUPLICATES = new LeadConversionRequest(null, null);

  boolean forceNew() {
    return Boolean.TRUE.equals(createNew);
  }
}
