package org.guanxi.crm.customer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact of a customer as other modules see it: who it is, without personal data. */
public record ContactSummary(UUID id, UUID customerId, String name, @Nullable String title) {}
