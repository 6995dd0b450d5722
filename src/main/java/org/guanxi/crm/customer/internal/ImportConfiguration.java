package org.guanxi.crm.customer.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.imports.SealedImportRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Imports run in the background: the worker looks for queued ones on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ImportConfiguration {

  private static final int HELD_ROWS_RESEALED_PER_BATCH = 1_000;

  /** The files uploaded to imports, sealed: a key rotation seals them again. */
  @Bean
  SealedColumns<UUID> importFiles(CustomerImportStore imports) {
    return imports.files();
  }

  /** The rows imports held, sealed: a key rotation seals them again beside the imports' files. */
  @Bean
  SealedColumns<SealedImportRows.Row> heldImportRows(
      JdbcClient jdbc, JdbcTemplate batchJdbc, CustomerImportStore imports) {
    return new SealedImportRows(
        jdbc,
        batchJdbc,
        "customer_import_row",
        "row_number",
        List.of("values_enc"),
        HELD_ROWS_RESEALED_PER_BATCH,
        imports::resealedHeldValues);
  }
}
