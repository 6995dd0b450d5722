package org.guanxi.crm.leads.internal;

import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.WorkspaceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the leads stored before migration V65 their search keys, once, when the application has
 * started: the keys need the pinyin and character tables of the application, so SQL cannot compute
 * them. A partial index finds such leads at once, so later starts cost one query. Nodes that start
 * together may both work on a lead; they write the same keys.
 */
@Component
class LeadSearchKeysBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(LeadSearchKeysBackfill.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final LeadStore store;
  private final TransactionTemplate transactions;

  LeadSearchKeysBackfill(
      JdbcClient jdbc, LeadStore store, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.store = store;
    this.transactions = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void run() {
    List<UUID> workspaces =
        jdbc.sql("select guanxi_workspaces_with_unkeyed_leads()").query(UUID.class).list();
    for (UUID workspace : workspaces) {
      int keyed = WorkspaceContext.callIn(workspace, this::keyAll);
      LOG.info("Gave {} leads of workspace {} their search keys", keyed, workspace);
    }
  }

  /** Keys every lead of the current workspace that has none, a batch per transaction. */
  int keyAll() {
    int keyed = 0;
    int done;
    do {
      Integer batch =
          transactions.execute(
              status -> {
                List<LeadStore.Unkeyed> leads = store.unkeyed(BATCH);
                leads.forEach(l -> store.storeKeys(l.id(), store.keys(l.name(), l.company())));
                return leads.size();
              });
      done = batch == null ? 0 : batch;
      keyed += done;
    } while (done == BATCH);
    return keyed;
  }
}
