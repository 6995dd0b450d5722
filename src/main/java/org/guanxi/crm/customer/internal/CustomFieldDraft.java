package org.guanxi.crm.customer.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator fills in to add or change a custom field. The key and type cannot change
 * later.
 */
record CustomFieldDraft(
    @NotNull
        @Pattern(
            regexp = "^[a-z][a-z0-9_]{0,39}$",
            message = "lower-case letters, digits and _, starting with a letter")
        String key,
    @NotNull CustomFieldType type,
    @NotNull @Valid Labels label,
    @Nullable Boolean required,
    @Nullable @Size(max = 100) List<CustomField.@Valid Choice> options,
    @Nullable Integer position) {

  List<CustomField.Choice> optionsOrEmpty() {
    return options == null ? List.of() : options;
  }
}
