package org.guanxi.crm.platform;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A section of the customer's page that another module contributes as a bean (its sales, its deals,
 * its follow-ups): the page fetches it from {@code path}, with {@code {id}} the customer's id, once
 * it has loaded (htmx), in the order of {@code position}, for users with {@code permission}. A
 * customer in the recycle bin shows only the panels {@code shownWhileDeleted}. The customer module
 * names no module's panel.
 */
public record CustomerPanel(
    int position, String path, Permission permission, boolean shownWhileDeleted) {

  /** The paths of the panels the user sees on a customer's page, in their order. */
  public static List<String> pathsFor(
      List<CustomerPanel> panels, CurrentUser user, UUID customerId, boolean deleted) {
    return panels.stream()
        .filter(p -> user.can(p.permission()) && (!deleted || p.shownWhileDeleted()))
        .sorted(Comparator.comparingInt(CustomerPanel::position))
        .map(p -> p.path().replace("{id}", customerId.toString()))
        .toList();
  }
}
