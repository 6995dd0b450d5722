package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.CustomerActivity;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts other modules' activities on the customer's timeline, in the publisher's transaction. */
@Component
class CustomerActivities {

  private final CustomerTimeline timeline;

  CustomerActivities(CustomerTimeline timeline) {
    this.timeline = timeline;
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
  }
}
