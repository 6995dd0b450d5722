package org.guanxi.crm.platform;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Purchases of many customers at once, such as orders imported from a file, where one {@link
 * CustomerPurchase} and one {@link CustomerActivity} per order would not scale. A module's event
 * implements it and is published inside the transaction that did the work; the customer module
 * settles the whole batch there with a few statements: each customer's purchases are counted and
 * its lifecycle stage moves as for single purchases, and each customer gets one timeline entry
 * {@code activityKind} with its own detail.
 */
public interface CustomerPurchaseBatch {

  UUID workspaceId();

  /** A stable upper-case name for the timeline entries, such as {@code ORDERS_IMPORTED}. */
  String activityKind();

  Instant occurredAt();

  /** Who did it, as the timeline shows them; null for the system itself. */
  @Nullable String actorName();

  /** What the timeline names as the cause of the stage moves, such as the file's name. */
  String purchaseReference();

  /** One entry per customer, no customer twice. */
  List<Purchases> purchases();

  /**
   * A customer's part of the batch: how many purchases (0 when it only returned goods), the first
   * and the last of them, and the detail of its timeline entry ({@code summary}, {@code link}, as
   * for {@link CustomerActivity#activityDetail}).
   */
  record Purchases(
      UUID customerId,
      int count,
      @Nullable Instant first,
      @Nullable Instant last,
      Map<String, Object> activityDetail) {}
}
