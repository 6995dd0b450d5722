package org.guanxi.crm.customer;

/** Key accounts get a key-account plan and closer attention. */
public enum Classification {
  KEY_ACCOUNT,
  ORDINARY
}
