package org.guanxi.crm.orders;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order stands: the furthest step it has reached. An order is drafted and confirmed, then
 * delivered and paid in either order — a customer may pay before delivery (prepayment). DELIVERED
 * is delivered and not yet paid; PAID is paid, delivered or not: the order's delivery date tells,
 * and a paid order not yet delivered is still delivered (it stays PAID). An order may be cancelled
 * until it is delivered or paid (a refund is not recorded here), and returned once it has been
 * delivered.
 */
public enum OrderStatus {
  DRAFT,
  CONFIRMED,
  DELIVERED,
  PAID,
  CANCELLED,
  RETURNED;

  /**
   * The statuses an order in this status may be moved to; once it is paid, whether it has been
   * {@code delivered} decides.
   */
  public Set<OrderStatus> next(boolean delivered) {
    return switch (this) {
      case DRAFT -> EnumSet.of(CONFIRMED, CANCELLED);
      case CONFIRMED -> EnumSet.of(DELIVERED, PAID, CANCELLED);
      case DELIVERED -> EnumSet.of(PAID, RETURNED);
      case PAID -> delivered ? EnumSet.of(RETURNED) : EnumSet.of(DELIVERED);
      case CANCELLED, RETURNED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  /**
   * The status after a move to {@code target}: the target, except that delivering a paid order
   * records the delivery and leaves it PAID.
   */
  public OrderStatus after(OrderStatus target) {
    return this == PAID && target == DELIVERED ? PAID : target;
  }

  /** Whether the order counts as revenue: placed and neither cancelled nor returned. */
  public boolean isRevenue() {
    return this == CONFIRMED || this == DELIVERED || this == PAID;
  }
}
