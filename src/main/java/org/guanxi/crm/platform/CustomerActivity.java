package org.guanxi.crm.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a customer in another module (an order placed, a deal won), which the
 * customer's timeline shows. A module's event implements it and is published inside the transaction
 * that did the work; the customer module records it in that same transaction, so the timeline never
 * misses an activity and never shows one that was rolled back.
 *
 * <p>The timeline names an activity by the message {@code timeline.<activityKind>}, which the
 * publishing module's message bundle defines in the three languages.
 */
public interface CustomerActivity {

  UUID workspaceId();

  UUID customerId();

  /** A stable upper-case name, such as {@code ORDER_PLACED}. */
  String activityKind();

  Instant occurredAt();

  /** Who did it, as the timeline shows them; null for the system itself. */
  @Nullable String actorName();

  /**
   * The user who did it, when a user did: an activity of the customer's owner counts as following
   * the customer up (it keeps the customer from returning to the pool). Null by default.
   */
  default @Nullable UUID actorId() {
    return null;
  }

  /**
   * What the timeline shows beside the kind: {@code summary} (a short text, such as an order's
   * number and amount) and {@code link} (the path of the record it is about) when there are any.
   */
  Map<String, Object> activityDetail();
}
