package org.guanxi.crm.customer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer as other modules see it: who it is and who owns it, without personal data. */
public record CustomerSummary(
    UUID id,
    CustomerKind kind,
    String name,
    LifecycleStage lifecycleStage,
    Classification classification,
    @Nullable UUID ownerId) {}
