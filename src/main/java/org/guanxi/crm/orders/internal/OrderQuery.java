package org.guanxi.crm.orders.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.SqlPage;
import org.jspecify.annotations.Nullable;

/** The filters of the order list, and where its page starts. */
record OrderQuery(
    @Nullable UUID customerId,
    @Nullable OrderStatus status,
    @Nullable UUID ownerId,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String cursor,
    int limit)
    implements SqlPage.Request {

  static final int MAX_LIMIT = 200;
}
