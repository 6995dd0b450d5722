package org.guanxi.crm.customer;

import java.util.List;
import org.guanxi.crm.platform.CurrentUser;
import org.jspecify.annotations.Nullable;

/** The customers classified as key accounts, for the modules that plan work with them. */
public interface KeyAccountCustomers {

  /** Most customers one question answers. */
  int MAX_LIMIT = 200;

  /**
   * The key accounts (not deleted) the user may see, by name; {@code q} searches them as the
   * customer search box does (all when blank). At most {@code limit}, up to {@link #MAX_LIMIT}.
   */
  List<CustomerSummary> visible(CurrentUser user, @Nullable String q, int limit);
}
