package org.guanxi.crm.opportunities.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline as an administrator sets it up: its name, whether new deals go to it by default, and
 * its stages in order. A stage with an id is an existing one (renamed, moved or given another
 * probability); one without is new; an existing stage left out is removed, which only a stage
 * without deals may be.
 */
record PipelineDraft(
    @NotBlank @Size(max = 100) String name,
    @Nullable Boolean isDefault,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid StageDraft> stages) {

  record StageDraft(
      @Nullable UUID id,
      @NotBlank @Size(max = 100) String name,
      @NotNull @Min(0) @Max(100) Integer probability) {}

  boolean makesDefault() {
    return Boolean.TRUE.equals(isDefault);
  }
}
