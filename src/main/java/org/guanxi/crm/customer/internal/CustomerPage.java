package org.guanxi.crm.customer.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of customers and the cursor to the next page, if there is one. */
record CustomerPage(List<Customer> items, @Nullable String nextCursor) {}
