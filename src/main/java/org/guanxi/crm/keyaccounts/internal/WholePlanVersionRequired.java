package org.guanxi.crm.keyaccounts.internal;

import org.guanxi.crm.platform.VersionRequired;

/**
 * A plan is replaced as a whole, so the caller must say which version it read: without it, parts
 * added meanwhile by a colleague would be silently removed.
 */
class WholePlanVersionRequired extends VersionRequired {

  WholePlanVersionRequired() {
    super("Send If-Match with the ETag of the plan you read: a plan is replaced as a whole");
  }
}
