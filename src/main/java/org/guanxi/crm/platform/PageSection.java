package org.guanxi.crm.platform;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A section of a page that a module contributes as a bean (a customer's sales, deals and
 * follow-ups; the home page's tasks, deals closing and customers about to return to the pool): the
 * page fetches it from {@code path} once it has loaded (htmx), in the order of {@code position},
 * for users with {@code permission}. On a record's page {@code {id}} in the path is the record's
 * id, and a record in the recycle bin shows only the sections {@code shownWhileDeleted}. The page's
 * module names no other module's section.
 */
public record PageSection(
    Page page,
    int position,
    String path,
    Permission permission,
    boolean shownWhileDeleted,
    RecordScope reach) {

  /** The pages that take sections from other modules. */
  public enum Page {
    /** the home page: what the user is to do now */
    HOME,
    /** a customer's page */
    CUSTOMER
  }

  /** A section of the home page. */
  public static PageSection home(int position, String path, Permission permission) {
    return new PageSection(Page.HOME, position, path, permission, false, RecordScope.OWN);
  }

  /**
   * A section of the home page for those who see a team or more (managers, and the roles that see
   * the whole workspace): the team's figures.
   */
  public static PageSection homeOfTeams(int position, String path, Permission permission) {
    return new PageSection(Page.HOME, position, path, permission, false, RecordScope.TEAM);
  }

  /** A section of the customer's page; {@code {id}} in the path is the customer's id. */
  public static PageSection customer(
      int position, String path, Permission permission, boolean shownWhileDeleted) {
    return new PageSection(
        Page.CUSTOMER, position, path, permission, shownWhileDeleted, RecordScope.OWN);
  }

  /**
   * The paths of the sections of {@code page} the user sees, in their order: of the record {@code
   * id} (null for a page of no record), in the recycle bin or not.
   */
  public static List<String> pathsFor(
      List<PageSection> sections, Page page, CurrentUser user, @Nullable UUID id, boolean deleted) {
    return sections.stream()
        .filter(s -> s.page() == page)
        .filter(s -> user.can(s.permission()) && (!deleted || s.shownWhileDeleted()))
        .filter(s -> user.scope().compareTo(s.reach()) >= 0)
        .sorted(Comparator.comparingInt(PageSection::position))
        .map(s -> id == null ? s.path() : s.path().replace("{id}", id.toString()))
        .toList();
  }
}
