package org.guanxi.crm.leads.internal;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workspace's public lead form as its administrators set it up. */
record LeadFormSettings(
    boolean enabled,
    String formKey,
    Set<LeadFormField> fields,
    @Nullable String thankYou,
    @Nullable UUID defaultOwnerId,
    @Nullable UUID defaultTeamId,
    long version) {

  /** Whether the form asks the field of this name (a {@link LeadFormField}); for the template. */
  public boolean asks(String field) {
    return fields.contains(LeadFormField.valueOf(field));
  }

  public String path() {
    return "/forms/leads/" + formKey;
  }
}
