package org.guanxi.crm.customer.internal;

import org.guanxi.crm.platform.StoreWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's lifecycle periods; the defaults until an administrator sets them. */
@Repository
class LifecycleSettingsStore {

  private final JdbcClient jdbc;

  LifecycleSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  LifecycleSettings current() {
    return jdbc.sql(
            "select at_risk_after_days, lost_after_days, version from customer_lifecycle_settings")
        .query((rs, n) -> new LifecycleSettings(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
        .optional()
        .orElse(LifecycleSettings.DEFAULTS);
  }

  /** Saves the periods if they are still at {@code expectedVersion}; false when they changed. */
  boolean save(LifecycleSettings settings, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql(
                """
                insert into customer_lifecycle_settings
                  (workspace_id, at_risk_after_days, lost_after_days, version)
                values (guanxi_current_workspace(), :atRisk, :lost, 1)
                on conflict (workspace_id) do update
                  set at_risk_after_days = excluded.at_risk_after_days,
                      lost_after_days = excluded.lost_after_days,
                      version = customer_lifecycle_settings.version + 1
                  where customer_lifecycle_settings.version = :expected
                """)
            .param("atRisk", settings.atRiskAfterDays())
            .param("lost", settings.lostAfterDays())
            .param("expected", expectedVersion));
  }
}
