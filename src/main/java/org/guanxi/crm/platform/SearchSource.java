package org.guanxi.crm.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module's records that the search box at the top of every page finds: a bean of the module,
 * shown to users with its {@link #permission}, under its heading, in the order of its {@link
 * #position}. Platform names no module's source.
 */
public interface SearchSource {

  /** A record found: what it is called, a detail to tell it apart, and its page. */
  record Hit(String title, @Nullable String detail, String link) {}

  /** The message key of the heading of its results. */
  String labelKey();

  int position();

  Permission permission();

  /** At most {@code limit} records the user sees that {@code q} finds, the best first. */
  List<Hit> search(CurrentUser user, String q, int limit);
}
