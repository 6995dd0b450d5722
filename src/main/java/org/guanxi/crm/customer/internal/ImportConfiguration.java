package org.guanxi.crm.customer.internal;

import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.imports.SealedImportRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Imports run in the background: the worker looks for queued ones on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {

  /** The files uploaded to imports, sealed: a key rotation seals them again. */
  @Bean
  SealedColumns<UUID> importFiles(CustomerImportStore imports) {
    return imports.files();
  }

  /** The rows imports held, sealed: a key rotation seals them again beside the imports' files. */
  @Bean
  SealedColumns<SealedImportRows.Row> heldImportRows(CustomerImportStore imports) {
    return imports.heldRows();
  }
}
