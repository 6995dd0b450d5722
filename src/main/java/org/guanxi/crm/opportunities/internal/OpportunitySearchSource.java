package org.guanxi.crm.opportunities.internal;

import java.util.List;
import org.guanxi.crm.opportunities.OpportunityPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.SearchSource;
import org.springframework.stereotype.Component;

/** The deals the search box finds: those whose name holds the text. */
@Component
class OpportunitySearchSource implements SearchSource {

  private final OpportunityService deals;

  OpportunitySearchSource(OpportunityService deals) {
    this.deals = deals;
  }

  @Override
  public String labelKey() {
    return "nav.opportunities";
  }

  @Override
  public int position() {
    return 40;
  }

  @Override
  public Permission permission() {
    return OpportunityPermissions.OPPORTUNITY_READ;
  }

  @Override
  public List<Hit> search(CurrentUser user, String q, int limit) {
    return deals.named(user, q, limit).stream()
        .map(d -> new Hit(d.name(), d.customerName(), "/opportunities/" + d.id()))
        .toList();
  }
}
