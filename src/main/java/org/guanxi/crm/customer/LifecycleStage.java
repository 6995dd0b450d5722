package org.guanxi.crm.customer;

/**
 * Where a customer stands in its lifecycle: prospect → new → active → at risk → lost (and won
 * back).
 */
public enum LifecycleStage {
  PROSPECT,
  NEW,
  ACTIVE,
  AT_RISK,
  LOST
}
