package org.guanxi.crm.interaction.internal;

import org.guanxi.crm.interaction.InteractionPermissions;
import org.guanxi.crm.platform.PageAction;
import org.guanxi.crm.platform.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interaction module's panel of the customer page (its follow-ups, first of the panels) and its
 * home section.
 */
@Configuration(proxyBeanMethods = false)
class InteractionPanels {

  @Bean
  PageSection interactionPanel() {
    return PageSection.customer(
        5, "/customers/{id}/interaction-panel", InteractionPermissions.INTERACTION_READ, false);
  }

  /** The home page's briefing of this week's follow-ups, for those who see a team. */
  @Bean
  PageSection briefingSection() {
    return PageSection.homeOfTeams(60, "/home/activity", InteractionPermissions.INTERACTION_READ);
  }

  /** The customer page's button to write a follow-up (the panel's form). */
  @Bean
  PageAction writeFollowUp() {
    return PageAction.customer(
        10,
        "interaction.write",
        "/customers/{id}#interaction-form",
        InteractionPermissions.INTERACTION_WRITE);
  }
}
