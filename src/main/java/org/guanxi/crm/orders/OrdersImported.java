package org.guanxi.crm.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerPurchaseBatch;
import org.jspecify.annotations.Nullable;

/**
 * Orders were imported from a file: once its lines are in, the import publishes this for its
 * customers a few thousand at a time, each with how many orders it bought (returns do not count as
 * purchases) and when, and a timeline entry of its own. Published in the transaction that records
 * how far the import got.
 */
public record OrdersImported(
    UUID workspaceId,
    UUID importId,
    String fileName,
    Instant occurredAt,
    @Nullable String actorName,
    List<Purchases> purchases)
    implements CustomerPurchaseBatch {

  @Override
  public String activityKind() {
    return "ORDERS_IMPORTED";
  }

  @Override
  public String purchaseReference() {
    return fileName;
  }
}
