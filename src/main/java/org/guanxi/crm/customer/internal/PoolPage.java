package org.guanxi.crm.customer.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of the pool, newest first, and where the next one starts. */
record PoolPage(List<PoolCustomer> items, @Nullable String nextCursor) {}
