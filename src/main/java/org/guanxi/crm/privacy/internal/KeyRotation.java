package org.guanxi.crm.privacy.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.SealedColumns;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals every sealed value again with the current master key, and computes the blind indexes again
 * with it: in every workspace (row-level security shows one at a time), every table a module offers
 * ({@link SealedColumns}), a batch per transaction. Values already sealed with the current key are
 * left alone, so a rotation that was cut off goes on when run again. Privacy names no module's
 * table: each module seals its own rows.
 */
@Component
class KeyRotation {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final List<SealedColumns<?>> tables;

  KeyRotation(
      JdbcClient jdbc, PlatformTransactionManager transactions, List<SealedColumns<?>> tables) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.tables = tables;
  }

  /** Seals the values of every workspace again; returns how many workspaces it went through. */
  int resealEverywhere() {
    List<UUID> workspaces = jdbc.sql("select guanxi_workspace_ids()").query(UUID.class).list();
    for (UUID workspace : workspaces) {
      resealIn(workspace);
    }
    return workspaces.size();
  }

  /** Seals the values of one workspace again. */
  void resealIn(UUID workspace) {
    WorkspaceContext.runIn(
        workspace,
        () -> {
          for (SealedColumns<?> table : tables) {
            int batches = reseal(table);
            log.debug(
                "Sealed {} {} of workspace {} again in {} batches",
                table.table(),
                table.columns(),
                workspace,
                batches);
          }
        });
    log.info("Sealed the values of workspace {} with the current key", workspace);
  }

  private <K> int reseal(SealedColumns<K> table) {
    int batches = 0;
    @Nullable K after = null;
    do {
      @Nullable K from = after;
      after = transaction.execute(status -> table.resealAfter(from));
      batches++;
    } while (after != null);
    return batches;
  }
}
