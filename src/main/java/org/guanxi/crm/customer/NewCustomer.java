package org.guanxi.crm.customer;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer another module asks to be created (a converted lead), checked by the same rules as the
 * customer form. The owner defaults to the user.
 */
public record NewCustomer(
    CustomerKind kind,
    String name,
    @Nullable String industry,
    @Nullable String source,
    @Nullable String city,
    @Nullable String preferences,
    @Nullable UUID ownerId,
    @Nullable String phone,
    @Nullable String email) {}
