package org.guanxi.crm.leads.internal;

import java.util.List;
import org.guanxi.crm.leads.LeadPermissions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Permission;
import org.guanxi.crm.platform.SearchSource;
import org.springframework.stereotype.Component;

/** The leads the search box finds, as the lead list's search does. */
@Component
class LeadSearchSource implements SearchSource {

  private final LeadService leads;

  LeadSearchSource(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public String labelKey() {
    return "nav.leads";
  }

  @Override
  public int position() {
    return 30;
  }

  @Override
  public Permission permission() {
    return LeadPermissions.LEAD_READ;
  }

  @Override
  public List<Hit> search(CurrentUser user, String q, int limit) {
    return leads.list(user, new LeadQuery(q, null, null, null, null, limit)).items().stream()
        .map(
            l ->
                new Hit(
                    l.name() != null ? l.name() : String.valueOf(l.company()),
                    l.name() != null ? l.company() : null,
                    "/leads/" + l.id()))
        .toList();
  }
}
