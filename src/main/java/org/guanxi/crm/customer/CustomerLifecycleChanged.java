package org.guanxi.crm.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's lifecycle stage changed by itself: a purchase, or a period without one.
 *
 * @param cause {@code PURCHASE} (with the purchase's reference) or {@code NO_PURCHASE} (with the
 *     number of days since the last purchase)
 */
public record CustomerLifecycleChanged(
    UUID workspaceId,
    UUID customerId,
    LifecycleStage from,
    LifecycleStage to,
    String cause,
    String causeDetail,
    Instant at) {}
