package org.guanxi.crm.customer.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.jspecify.annotations.Nullable;

/** What a user fills in for a customer: the input of creating and of changing one. */
record CustomerDraft(
    @NotNull CustomerKind kind,
    @NotBlank @Size(max = 200) String name,
    @Nullable @Size(max = 100) String industry,
    @Nullable @Size(max = 100) String source,
    @Nullable @Size(max = 100) String city,
    @Nullable LifecycleStage lifecycleStage,
    @Nullable Classification classification,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 40) String> tags,
    @Nullable @Size(max = 2000) String preferences,
    @Nullable UUID ownerId,
    @Nullable @Size(max = 40) String phone,
    @Nullable @Size(max = 254) String email,
    @Nullable @Size(max = 30) String idCard,
    @Nullable LocalDate birthday,
    @Nullable @Size(max = 300) String address,
    @Nullable Map<String, Object> customFields) {

  LifecycleStage stageOrDefault() {
    return lifecycleStage == null ? LifecycleStage.PROSPECT : lifecycleStage;
  }

  Classification classificationOrDefault() {
    return classification == null ? Classification.ORDINARY : classification;
  }

  List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
  }
}
