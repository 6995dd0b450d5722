package org.guanxi.crm.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The workspace (tenant) the current thread works in. Database connections borrowed on this thread
 * see only this workspace's rows; with no workspace they see no business rows at all.
 */
public final class WorkspaceContext {

  private static final ThreadLocal<@Nullable UUID> CURRENT = new ThreadLocal<>();

  private WorkspaceContext() {}

  public static Optional<UUID> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static UUID require() {
    return current()
        .orElseThrow(() -> new IllegalStateException("No workspace is set on this thread"));
  }

  public static <T> T callIn(UUID workspaceId, Supplier<T> work) {
    @Nullable UUID previous = CURRENT.get();
    CURRENT.set(workspaceId);
    try {
      return work.get();
    } finally {
      restore(previous);
    }
  }

  public static void runIn(UUID workspaceId, Runnable work) {
    callIn(
        workspaceId,
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code work} in every workspace, one after the other, as the checks a scheduler runs for
   * all do; answers, for each workspace where it was more than 0, what {@code work} counted there.
   */
  public static Map<UUID, Integer> inEvery(JdbcClient jdbc, IntSupplier work) {
    Map<UUID, Integer> counted = new LinkedHashMap<>();
    for (UUID workspace : jdbc.sql("select guanxi_workspace_ids()").query(UUID.class).list()) {
      int count = callIn(workspace, work::getAsInt);
      if (count > 0) {
        counted.put(workspace, count);
      }
    }
    return counted;
  }

  /** Sets the workspace for the rest of a request; the caller clears it with {@link #clear()}. */
  public static void enter(UUID workspaceId) {
    CURRENT.set(workspaceId);
  }

  public static void clear() {
    CURRENT.remove();
  }

  private static void restore(@Nullable UUID previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
