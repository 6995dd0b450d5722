package org.guanxi.crm.platform;

/** How far a user sees records that have an owner. Ordered from narrowest to widest. */
public enum RecordScope {
  /** records the user owns or that were shared with the user */
  OWN,
  /** also the records of the user's team and the teams below it */
  TEAM,
  /** every record of the workspace */
  WORKSPACE
}
