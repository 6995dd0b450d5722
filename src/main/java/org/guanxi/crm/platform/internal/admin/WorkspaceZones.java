package org.guanxi.crm.platform.internal.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link WorkspaceTime} from the workspace's settings, and the one way to change its zone. Every
 * order, deal and page asks for the zone, so it is kept per workspace rather than read each time:
 * forgotten on this node as soon as a change is committed, and read again after a minute anyway, so
 * that the other nodes of a cluster follow a change within a minute.
 */
@Component
class WorkspaceZones implements WorkspaceTime {

  private static final Duration KEPT_FOR = Duration.ofMinutes(1);

  private record Known(ZoneId zone, Instant readAt) {}

  private final WorkspaceSettingsStore settings;
  private final Clock clock;
  private final Map<UUID, Known> known = new ConcurrentHashMap<>();

  WorkspaceZones(WorkspaceSettingsStore settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ZoneId zone() {
    Optional<UUID> workspace = WorkspaceContext.current();
    if (workspace.isEmpty()) {
      return DEFAULT_ZONE;
    }
    Instant now = clock.instant();
    Known zone = known.get(workspace.get());
    if (zone == null || zone.readAt().plus(KEPT_FOR).isBefore(now)) {
      zone = new Known(settings.zone(), now);
      known.put(workspace.get(), zone);
    }
    return zone.zone();
  }

  @Override
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }

  /**
   * Sets the current workspace's zone, if the workspace is still at {@code expectedVersion}; {@link
   * StaleVersion} otherwise.
   */
  WorkspaceSettings changeZone(ZoneId zone, long expectedVersion) {
    UUID workspace = WorkspaceContext.require();
    if (!settings.saveZone(zone, expectedVersion)) {
      throw new StaleVersion("workspace settings", settings.current().version());
    }
    forgetOnCommit(workspace);
    return settings.current();
  }

  /**
   * Forgets the workspace's zone once the change is committed: forgotten earlier, a request could
   * read the old zone again before the commit and keep it for a minute.
   */
  private void forgetOnCommit(UUID workspace) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              known.remove(workspace);
            }
          });
    } else {
      known.remove(workspace);
    }
  }
}
