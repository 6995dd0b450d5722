package org.guanxi.crm.interaction;

/** The way an interaction with a customer took place. */
public enum Channel {
  CALL,
  VISIT,
  MEETING,
  EMAIL,
  WECHAT,
  SMS,
  FAX,
  WEB;

  /** Whether an interaction of this kind may carry a place (and a check-in's coordinates). */
  public boolean hasPlace() {
    return this == VISIT || this == MEETING;
  }
}
