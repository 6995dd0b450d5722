package org.guanxi.crm.customer;

/** Whether the customer is a company or a person. */
public enum CustomerKind {
  ORGANIZATION,
  INDIVIDUAL
}
