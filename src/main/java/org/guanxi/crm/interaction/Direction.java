package org.guanxi.crm.interaction;

/** Who reached out: the customer ({@code INBOUND}) or the company ({@code OUTBOUND}). */
public enum Direction {
  INBOUND,
  OUTBOUND
}
