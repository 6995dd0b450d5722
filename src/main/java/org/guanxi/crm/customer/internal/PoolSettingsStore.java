package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.StoreWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's pool rules; the defaults until an administrator sets them. */
@Repository
class PoolSettingsStore {

  private final JdbcClient jdbc;

  PoolSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  PoolSettings current() {
    return jdbc.sql(
            "select return_after_days, claim_limit, key_accounts_exempt, version from customer_pool_settings")
        .query(
            (rs, n) ->
                new PoolSettings(
                    rs.getObject(1, Integer.class), rs.getInt(2), rs.getBoolean(3), rs.getLong(4)))
        .optional()
        .orElse(PoolSettings.DEFAULTS);
  }

  /** Saves the rules if they are still at {@code expectedVersion}; false when they changed. */
  boolean save(PoolSettings settings, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                insert into customer_pool_settings
                  (workspace_id, return_after_days, claim_limit, key_accounts_exempt, version)
                values (guanxi_current_workspace(), :returnAfterDays, :claimLimit, :exempt, 1)
                on conflict (workspace_id) do update
                  set return_after_days = excluded.return_after_days,
                      claim_limit = excluded.claim_limit,
                      key_accounts_exempt = excluded.key_accounts_exempt,
                      version = customer_pool_settings.version + 1
                  where customer_pool_settings.version = :expected
                """)
            .param("returnAfterDays", settings.returnAfterDays())
            .param("claimLimit", settings.claimLimit())
            .param("exempt", settings.exemptsKeyAccounts())
            .param("expected", expectedVersion));
  }
}
