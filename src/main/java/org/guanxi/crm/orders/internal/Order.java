package org.guanxi.crm.orders.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guanxi.crm.orders.OrderDraft;
import org.guanxi.crm.orders.OrderStatus;
import org.guanxi.crm.platform.Versioned;
import org.jspecify.annotations.Nullable;

/**
 * An order of a customer with its lines and the totals they add up to; of kind RETURN, the goods
 * the customer sent back (imported returns), its amounts positive.
 */
record Order(
    UUID id,
    String number,
    UUID customerId,
    String customerName,
    UUID ownerId,
    @Nullable String ownerName,
    OrderStatus status,
    OrderKind kind,
    LocalDate orderDate,
    @Nullable LocalDate deliveredOn,
    @Nullable LocalDate paidOn,
    String currency,
    @Nullable String country,
    BigDecimal amount,
    BigDecimal cost,
    @Nullable String notes,
    List<Line> lines,
    Instant createdAt,
    Instant updatedAt,
    long version)
    implements Versioned {

  /** A line as stored: its price and cost settled, its amount after the discount. */
  record Line(
      int position,
      @Nullable UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal unitCost,
      BigDecimal amount,
      BigDecimal cost) {

    @JsonProperty
    public BigDecimal grossProfit() {
      return amount.subtract(cost);
    }

    OrderDraft.Line draft() {
      return new OrderDraft.Line(
          productId, description, quantity, unitPrice, discountPercent, unitCost);
    }
  }

  @JsonProperty
  public BigDecimal grossProfit() {
    return amount.subtract(cost);
  }

  /** The statuses the order may be moved to from where it stands. */
  public Set<OrderStatus> nextStatuses() {
    return status.next(deliveredOn != null);
  }

  /** Paid before it was delivered, and not delivered yet. */
  public boolean awaitsDelivery() {
    return status == OrderStatus.PAID && deliveredOn == null;
  }

  OrderDraft draft() {
    return new OrderDraft(
        customerId,
        number,
        orderDate,
        currency,
        ownerId,
        status,
        notes,
        lines.stream().map(Line::draft).toList());
  }

  Order withOwnerName(@Nullable String ownerName) {
    return with(ownerName, lines);
  }

  Order withLines(List<Line> lines) {
    return with(ownerName, List.copyOf(lines));
  }

  /** This order with another owner's name and other lines. */
  private Order with(@Nullable String ownerName, List<Line> lines) {
    return new Order(
        id,
        number,
        customerId,
        customerName,
        ownerId,
        ownerName,
        status,
        kind,
        orderDate,
        deliveredOn,
        paidOn,
        currency,
        country,
        amount,
        cost,
        notes,
        lines,
        createdAt,
        updatedAt,
        version);
  }
}
