package org.guanxi.crm.leads.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.leads.LeadPermissions;
import org.guanxi.crm.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The leads module's entry of the sidebar. */
@Configuration(proxyBeanMethods = false)
class LeadNavigation {

  @Bean
  NavigationEntry leadsEntry() {
    return NavigationEntry.link(WORK, 30, "nav.leads", "/leads", LeadPermissions.LEAD_READ);
  }
}
