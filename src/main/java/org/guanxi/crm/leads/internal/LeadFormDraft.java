package org.guanxi.crm.leads.internal;

import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator sets for the public lead form. {@code newKey} replaces the public key, so
 * that pages embedding the old one stop working (a leaked or spammed key).
 */
record LeadFormDraft(
    @Nullable Boolean enabled,
    @Nullable Set<LeadFormField> fields,
    @Nullable @Size(max = 500) String thankYou,
    @Nullable UUID defaultOwnerId,
    @Nullable UUID defaultTeamId,
    @Nullable Boolean newKey) {}
