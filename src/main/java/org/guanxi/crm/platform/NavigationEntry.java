package org.guanxi.crm.platform;

import java.util.Comparator;
import java.util.Set;

/**
 * An entry of the sidebar, contributed by the module whose page it opens: each module declares its
 * entries as beans, and the layout shows those the user has a permission for, ordered by section
 * and position. Platform names no module's pages.
 *
 * @param labelKey the message key of its label, from the module's own bundle
 * @param path the page it opens
 * @param anyOf the permissions any one of which shows it; none: every signed-in user sees it
 */
public record NavigationEntry(
    Section section, int position, String labelKey, String path, Set<Permission> anyOf) {

  /** The parts of the sidebar, from top to bottom. */
  public enum Section {
    /** the pages of daily work: customers, leads, deals, orders */
    WORK,
    /** settings and administration */
    SETTINGS,
    /** the user's own things */
    ACCOUNT
  }

  public static final Comparator<NavigationEntry> ORDER =
      Comparator.comparing(NavigationEntry::section)
          .thenComparingInt(NavigationEntry::position)
          .thenComparing(NavigationEntry::labelKey);

  public NavigationEntry {
    anyOf = Set.copyOf(anyOf);
  }

  /** A link to a page, shown to users with any of {@code anyOf} (to everyone without). */
  public static NavigationEntry link(
      Section section, int position, String labelKey, String path, Permission... anyOf) {
    return new NavigationEntry(section, position, labelKey, path, Set.of(anyOf));
  }

  public boolean isShownTo(CurrentUser user) {
    return anyOf.isEmpty() || anyOf.stream().anyMatch(user::can);
  }
}
