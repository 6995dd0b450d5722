package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.SealedColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Imports run in the background: the worker looks for queued ones on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {

  /** The rows imports held, sealed: a key rotation seals them again beside the imports' files. */
  @Bean
  SealedColumns<CustomerImportStore.HeldRow> heldImportRows(CustomerImportStore imports) {
    return imports.heldRows();
  }
}
