package org.guanxi.crm.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
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

  /**
   * A stable upper-case name: by default the event's own name in upper case, its words joined by
   * {@code _} ({@code OrderPlaced}: {@code ORDER_PLACED}). The timeline stores it, so an event that
   * is renamed keeps its old kind by overriding this.
   */
  default String activityKind() {
    return getClass()
        .getSimpleName()
        .replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_")
        .toUpperCase(Locale.ROOT);
  }

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

  /** The detail of an activity that shows {@code summary} and links to {@code link}. */
  static Map<String, Object> detail(String summary, String link) {
    return Map.of("summary", summary, "link", link);
  }

  /**
   * The summary of an activity about an amount of money: the name of what it is about (a deal's
   * name, an order's number) and the amount in its currency.
   */
  static String summary(String name, BigDecimal amount, String currency) {
    return name + " " + Currencies.format(amount, currency);
  }

  /** The detail of an activity about an amount ({@link #summary}) that links to {@code link}. */
  static Map<String, Object> detail(String name, BigDecimal amount, String currency, String link) {
    return detail(summary(name, amount, currency), link);
  }
}
