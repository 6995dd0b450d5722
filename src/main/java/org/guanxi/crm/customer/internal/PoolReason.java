package org.guanxi.crm.customer.internal;

/** Why a customer is in the pool. */
enum PoolReason {
  /** its owner did not follow it up within the workspace's period */
  NO_FOLLOW_UP,
  /** its owner gave it back */
  RELEASED,
  /** a manager or administrator took it from its owner */
  RECLAIMED
}
