package org.guanxi.crm.leads.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of leads, newest first, and the cursor of the next page (null on the last). */
record LeadPage(List<Lead> items, @Nullable String nextCursor) {}
