package org.guanxi.crm.customer.internal;

import java.util.List;
import org.guanxi.crm.platform.WorkspaceSettingsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's pool rules; the defaults until an administrator sets them. */
@Repository
class PoolSettingsStore extends WorkspaceSettingsStore<PoolSettings> {

  PoolSettingsStore(JdbcClient jdbc) {
    super(
        jdbc,
        "customer_pool_settings",
        List.of("return_after_days", "claim_limit", "key_accounts_exempt"),
        (rs, n) ->
            new PoolSettings(
                rs.getObject(1, Integer.class), rs.getInt(2), rs.getBoolean(3), rs.getLong(4)),
        PoolSettings.DEFAULTS);
  }

  /** Saves the rules if they are still at {@code expectedVersion}; false when they changed. */
  boolean save(PoolSettings settings, long expectedVersion) {
    return saveValues(
        expectedVersion,
        settings.returnAfterDays(),
        settings.claimLimit(),
        settings.exemptsKeyAccounts());
  }
}
