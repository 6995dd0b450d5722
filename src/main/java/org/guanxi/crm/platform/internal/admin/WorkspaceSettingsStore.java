package org.guanxi.crm.platform.internal.admin;

import java.time.ZoneId;
import org.guanxi.crm.platform.StoreWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's row of settings (row-level security shows no other). */
@Repository
class WorkspaceSettingsStore {

  private final JdbcClient jdbc;

  WorkspaceSettingsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  WorkspaceSettings current() {
    return jdbc.sql("select time_zone, version from workspace")
        .query((rs, n) -> new WorkspaceSettings(rs.getString(1), rs.getLong(2)))
        .single();
  }

  /** What {@link WorkspaceSettingsCache} keeps: the settings nearly every request asks for. */
  record Kept(ZoneId zone, String baseCurrency) {}

  Kept kept() {
    return jdbc.sql("select time_zone, base_currency from workspace")
        .query((rs, n) -> new Kept(ZoneId.of(rs.getString(1)), rs.getString(2)))
        .single();
  }

  /** Sets the time zone if the workspace is still at {@code expectedVersion}; false otherwise. */
  boolean saveZone(ZoneId zone, long expectedVersion) {
    return StoreWrites.changedOne(
        jdbc.sql("update workspace set time_zone = ?, version = version + 1 where version = ?")
            .params(zone.getId(), expectedVersion));
  }
}
