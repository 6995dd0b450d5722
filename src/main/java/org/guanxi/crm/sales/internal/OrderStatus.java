package org.guanxi.crm.sales.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands. An order is drafted, confirmed, delivered and paid; it may be cancelled
 * until it is delivered, and returned once it is.
 */
enum OrderStatus {
  DRAFT,
  CONFIRMED,
  DELIVERED,
  PAID,
  CANCELLED,
  RETURNED;

  Set<OrderStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(CONFIRMED, CANCELLED);
      case CONFIRMED -> EnumSet.of(DELIVERED, CANCELLED);
      case DELIVERED -> EnumSet.of(PAID, RETURNED);
      case PAID -> EnumSet.of(RETURNED);
      case CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  boolean mayBecome(OrderStatus target) {
    return next().contains(target);
  }

  /** Whether the order counts as revenue: placed and neither cancelled nor returned. */
  boolean isRevenue() {
    return this == CONFIRMED || this == DELIVERED || this == PAID;
  }
}
