package org.guanxi.crm.interaction.internal;

import org.guanxi.crm.interaction.InteractionPermissions;
import org.guanxi.crm.platform.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interaction module's panel of the customer page: its follow-ups, first of the panels. */
@Configuration(proxyBeanMethods = false)
class InteractionPanels {

  @Bean
  PageSection interactionPanel() {
    return PageSection.customer(
        5, "/customers/{id}/interaction-panel", InteractionPermissions.INTERACTION_READ, false);
  }
}
