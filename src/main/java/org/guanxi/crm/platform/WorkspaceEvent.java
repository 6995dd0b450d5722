package org.guanxi.crm.platform;

import java.util.UUID;

/**
 * An event that happened in a workspace. A module listener ({@code @ApplicationModuleListener})
 * runs after the publisher's commit on another thread, so it takes the workspace from the event:
 * every event a module listener receives implements this.
 */
public interface WorkspaceEvent {

  UUID workspaceId();
}
