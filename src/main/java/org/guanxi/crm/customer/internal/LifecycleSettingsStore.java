package org.guanxi.crm.customer.internal;

import java.util.List;
import org.guanxi.crm.platform.WorkspaceSettingsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's lifecycle periods; the defaults until an administrator sets them. */
@Repository
class LifecycleSettingsStore extends WorkspaceSettingsStore<LifecycleSettings> {

  LifecycleSettingsStore(JdbcClient jdbc) {
    super(
        jdbc,
        "customer_lifecycle_settings",
        List.of("at_risk_after_days", "lost_after_days"),
        (rs, n) -> new LifecycleSettings(rs.getInt(1), rs.getInt(2), rs.getLong(3)),
        LifecycleSettings.DEFAULTS);
  }

  /** Saves the periods if they are still at {@code expectedVersion}; false when they changed. */
  boolean save(LifecycleSettings settings, long expectedVersion) {
    return saveValues(expectedVersion, settings.atRiskAfterDays(), settings.lostAfterDays());
  }
}
