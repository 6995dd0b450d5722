package org.guanxi.crm.leads.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * One assignment rule: leads of this city/region and/or industry (neither: every lead) go to this
 * user, or in turn to the active sales reps of this team.
 */
record LeadAssignmentRule(
    UUID id,
    int position,
    @Nullable String city,
    @Nullable String industry,
    @Nullable UUID userId,
    @Nullable UUID teamId,
    Instant createdAt,
    long version)
    implements Versioned {

  boolean matches(@Nullable String leadCity, @Nullable String leadIndustry) {
    return same(city, leadCity) && same(industry, leadIndustry);
  }

  private static boolean same(@Nullable String wanted, @Nullable String actual) {
    return wanted == null
        || (actual != null
            && wanted
                .strip()
                .toLowerCase(Locale.ROOT)
                .equals(actual.strip().toLowerCase(Locale.ROOT)));
  }
}
