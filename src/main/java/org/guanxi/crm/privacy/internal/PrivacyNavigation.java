package org.guanxi.crm.privacy.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.SETTINGS;
import static org.guanxi.crm.privacy.PrivacyPermissions.AUDIT_READ;

import org.guanxi.crm.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The privacy module's entry of the sidebar: the audit log. */
@Configuration(proxyBeanMethods = false)
class PrivacyNavigation {

  @Bean
  NavigationEntry auditEntry() {
    return NavigationEntry.link(SETTINGS, 30, "nav.audit", "/admin/audit", AUDIT_READ);
  }
}
