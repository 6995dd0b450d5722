package org.guanxi.crm.platform;

/**
 * A figure a module contributes to the dashboard, such as the number of customers the user can see.
 */
public interface DashboardTile {

  /** Message key of the label under the figure. */
  String labelKey();

  String link();

  long value(CurrentUser user);
}
