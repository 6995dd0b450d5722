package org.guanxi.crm.opportunities.internal;

/** Whether a deal is still being worked on, or how it ended. */
enum OpportunityStatus {
  OPEN,
  WON,
  LOST
}
