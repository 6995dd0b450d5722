package org.guanxi.crm.leads.internal;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator sets for an assignment rule: what it matches, and a user or a team it
 * assigns to. Without a position a new rule comes last.
 */
record LeadAssignmentRuleDraft(
    @Nullable @Size(max = 100) String city,
    @Nullable @Size(max = 100) String industry,
    @Nullable UUID userId,
    @Nullable UUID teamId,
    @Nullable Integer position) {}
