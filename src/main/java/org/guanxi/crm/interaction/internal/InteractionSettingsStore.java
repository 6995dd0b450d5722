package org.guanxi.crm.interaction.internal;

import java.util.List;
import org.guanxi.crm.platform.WorkspaceSettingsStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current workspace's edit window; a day until an administrator sets it. */
@Repository
class InteractionSettingsStore extends WorkspaceSettingsStore<InteractionSettings> {

  InteractionSettingsStore(JdbcClient jdbc) {
    super(
        jdbc,
        "interaction_settings",
        List.of("edit_window_minutes"),
        (rs, n) -> new InteractionSettings(rs.getInt(1), rs.getLong(2)),
        InteractionSettings.DEFAULTS);
  }

  /** Saves the window if it is still at {@code expectedVersion}; false when it changed. */
  boolean save(InteractionSettings settings, long expectedVersion) {
    return saveValues(expectedVersion, settings.editWindowMinutes());
  }
}
