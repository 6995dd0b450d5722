package org.guanxi.crm.customer.internal;

/** The kinds of value an administrator's custom field holds. */
enum CustomFieldType {
  TEXT,
  NUMBER,
  /** an amount in the workspace's currency (CNY unless configured) */
  MONEY,
  DATE,
  BOOLEAN,
  CHOICE
}
