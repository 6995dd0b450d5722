package org.guanxi.crm.leads.internal;

/** Where a lead stands on its way to becoming a customer. */
enum LeadStatus {
  NEW,
  WORKING,
  QUALIFIED,
  DISQUALIFIED,
  CONVERTED;

  /**
   * The statuses a user sets by editing; the others come from qualifying, disqualifying,
   * converting.
   */
  public boolean isOpen() {
    return this == NEW || this == WORKING;
  }
}
