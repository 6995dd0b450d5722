package org.guanxi.crm.platform.internal.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.WorkspaceContext;
import org.guanxi.crm.platform.WorkspaceTime;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The settings that nearly every request asks for, the workspace's time zone ({@link
 * WorkspaceTime}) and base currency, kept per workspace rather than read each time: forgotten on
 * this node as soon as a change is committed, and read again after a minute anyway, so that the
 * other nodes of a cluster follow a change within a minute. Also the one way to change the zone.
 */
@Component
public class WorkspaceSettingsCache implements WorkspaceTime {

  private static final Duration KEPT_FOR = Duration.ofMinutes(1);

  private final WorkspaceSettingsStore settings;
  private final Clock clock;
  private final Cache<UUID, WorkspaceSettingsStore.Kept> kept =
      Caffeine.newBuilder().expireAfterWrite(KEPT_FOR).maximumSize(10_000).build();

  WorkspaceSettingsCache(WorkspaceSettingsStore settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ZoneId zone() {
    return current().map(WorkspaceSettingsStore.Kept::zone).orElse(DEFAULT_ZONE);
  }

  @Override
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }

  /** The current workspace's base currency (see {@code ExchangeRates}). */
  public String baseCurrency() {
    return current()
        .orElseThrow(() -> new IllegalStateException("No workspace is set on this thread"))
        .baseCurrency();
  }

  /**
   * Forgets the current workspace's settings once the change being made is committed: forgotten
   * earlier, a request could read the old settings again before the commit and keep them for a
   * minute.
   */
  public void forgetOnCommit() {
    UUID workspace = WorkspaceContext.require();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              kept.invalidate(workspace);
            }
          });
    } else {
      kept.invalidate(workspace);
    }
  }

  /**
   * Sets the current workspace's zone, if the workspace is still at {@code expectedVersion}; {@link
   * StaleVersion} otherwise.
   */
  WorkspaceSettings changeZone(ZoneId zone, long expectedVersion) {
    if (!settings.saveZone(zone, expectedVersion)) {
      throw new StaleVersion("workspace settings", settings.current().version());
    }
    forgetOnCommit();
    return settings.current();
  }

  private Optional<WorkspaceSettingsStore.Kept> current() {
    return WorkspaceContext.current().map(workspace -> kept.get(workspace, w -> settings.kept()));
  }
}
