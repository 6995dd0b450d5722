package org.guanxi.crm.opportunities.internal;

import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.opportunities.OpportunityPermissions;
import org.guanxi.crm.platform.NavigationEntry;
import org.guanxi.crm.platform.PageAction;
import org.guanxi.crm.platform.PageSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The opportunities module's entry of the sidebar (the board) and its panel on the customer page.
 */
@Configuration(proxyBeanMethods = false)
class OpportunityNavigation {

  @Bean
  NavigationEntry opportunitiesEntry() {
    return NavigationEntry.link(
        WORK,
        40,
        "nav.opportunities",
        "/opportunities/board",
        OpportunityPermissions.OPPORTUNITY_READ);
  }

  /** The customer's deals on its page. */
  @Bean
  PageSection opportunitiesPanel() {
    return PageSection.customer(
        30, "/opportunities/panel?customerId={id}", OpportunityPermissions.OPPORTUNITY_READ, false);
  }

  /** The home page's deals closing this month. */
  @Bean
  PageSection dealsClosingSection() {
    return PageSection.home(30, "/opportunities/home", OpportunityPermissions.OPPORTUNITY_READ);
  }

  /** The home page's ranking of this month and open deals per stage, for those who see a team. */
  @Bean
  PageSection teamSalesSection() {
    return PageSection.homeOfTeams(
        50, "/opportunities/home/team", OpportunityPermissions.OPPORTUNITY_READ);
  }

  /** The customer page's button for a new deal with the customer. */
  @Bean
  PageAction newDealAction() {
    return PageAction.customer(
        30,
        "opportunities.panel.new",
        "/opportunities/new?customerId={id}",
        OpportunityPermissions.OPPORTUNITY_WRITE);
  }
}
