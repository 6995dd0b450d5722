package org.guanxi.crm.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts other modules' activities on the customer's timeline, in the publisher's transaction; an
 * activity of the customer's owner also moves the follow-up clock (never beyond now).
 */
@Component
class CustomerActivities {

  private final CustomerTimeline timeline;
  private final FollowUps followUps;
  private final Clock clock;

  CustomerActivities(CustomerTimeline timeline, FollowUps followUps, Clock clock) {
    this.timeline = timeline;
    this.followUps = followUps;
    this.clock = clock;
  }

  @EventListener
  void on(CustomerActivity activity) {
    if (!WorkspaceContext.current().map(activity.workspaceId()::equals).orElse(false)) {
      throw new IllegalStateException("An activity must be published in its own workspace");
    }
    timeline.add(
        activity.customerId(),
        activity.occurredAt(),
        activity.activityKind(),
        activity.actorName(),
        activity.activityDetail());
    UUID actor = activity.actorId();
    if (actor != null) {
      Instant now = clock.instant();
      Instant at = activity.occurredAt().isAfter(now) ? now : activity.occurredAt();
      followUps.byOwner(activity.customerId(), actor, at);
    }
  }
}
