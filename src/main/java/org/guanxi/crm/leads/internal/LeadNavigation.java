package org.guanxi.crm.leads.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.leads.LeadPermissions;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The leads module's entry of the sidebar and its section of the home page. */
@Configuration(proxyBeanMethods = false)
class LeadNavigation {

  @Bean
  NavigationEntry leadsEntry() {
    return NavigationEntry.link(WORK, 30, "nav.leads", "/leads", LeadPermissions.LEAD_READ);
  }

  /** The home page's new leads. */
  @Bean
  PageSection newLeadsSection() {
    return PageSection.home(40, "/leads/home", LeadPermissions.LEAD_READ);
  }
}
