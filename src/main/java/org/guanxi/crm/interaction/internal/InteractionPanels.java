package org.guanxi.crm.interaction.internal;

import org.guanxi.crm.interaction.InteractionPermissions;
import org.guanxi.crm.platform.CustomerPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interaction module's panel of the customer page: its follow-ups, first of the panels. */
@Configuration(proxyBeanMethods = false)
class InteractionPanels {

  @Bean
  CustomerPanel interactionPanel() {
    return new CustomerPanel(
        5, "/customers/{id}/interaction-panel", InteractionPermissions.INTERACTION_READ, false);
  }
}
