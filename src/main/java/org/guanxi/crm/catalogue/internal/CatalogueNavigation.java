package org.guanxi.crm.catalogue.internal;

import static org.guanxi.crm.catalogue.CataloguePermissions.PRODUCT_READ;
import static org.guanxi.crm.platform.NavigationEntry.Section.WORK;

import org.guanxi.crm.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue's entry of the sidebar. */
@Configuration(proxyBeanMethods = false)
class CatalogueNavigation {

  @Bean
  NavigationEntry productsEntry() {
    return NavigationEntry.link(WORK, 70, "nav.products", "/products", PRODUCT_READ);
  }
}
