package org.guanxi.crm.platform;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A button another module adds to the header of a record's page (write a follow-up, a new task, a
 * new deal or order for the customer): a bean with the page, its position, its label (a message key
 * of the module's bundle), where it leads ({@code {id}} is the record's id) and the permission that
 * shows it. The page's module names no other module's action.
 */
public record PageAction(
    PageSection.Page page, int position, String labelKey, String path, Permission permission) {

  /** An action of the customer's page. */
  public static PageAction customer(
      int position, String labelKey, String path, Permission permission) {
    return new PageAction(PageSection.Page.CUSTOMER, position, labelKey, path, permission);
  }

  /** The label and link of an action as a page shows it. */
  public record Shown(String labelKey, String link) {}

  /** The actions of {@code page} the user may take on the record {@code id}, in their order. */
  public static List<Shown> shownFor(
      List<PageAction> actions, PageSection.Page page, CurrentUser user, UUID id) {
    return actions.stream()
        .filter(a -> a.page() == page && user.can(a.permission()))
        .sorted(Comparator.comparingInt(PageAction::position))
        .map(a -> new Shown(a.labelKey(), a.path().replace("{id}", id.toString())))
        .toList();
  }
}
