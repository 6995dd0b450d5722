package org.guanxi.crm.interaction.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as a user sees it (the API and the pages): its fields, {@code editableUntil} when
 * its edit window closes (null once it has) and {@code editable} whether the user, its author, may
 * still change it.
 */
record InteractionView(
    @JsonUnwrapped Interaction interaction, @Nullable Instant editableUntil, boolean editable)
    implements Versioned {

  @Override
  public long version() {
    return interaction.version();
  }
}
