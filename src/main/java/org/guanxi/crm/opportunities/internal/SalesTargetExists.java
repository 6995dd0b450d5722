package org.guanxi.crm.opportunities.internal;

import java.time.YearMonth;
import java.util.UUID;
import org.guanxi.crm.platform.Refusal;
import org.guanxi.crm.platform.Refused;
import org.springframework.http.HttpStatus;

/** A rep has one target a month: a second is refused, naming the one there is. */
@Refusal(
    status = HttpStatus.CONFLICT,
    code = "sales-target-exists",
    title = "The rep has a target for this month")
class SalesTargetExists extends Refused {

  SalesTargetExists(YearMonth month, UUID targetId) {
    super("The rep has a target for " + month + " already: change it", "targetId", targetId);
  }
}
