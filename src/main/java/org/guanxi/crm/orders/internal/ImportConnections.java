package org.guanxi.crm.orders.internal;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Runs the parts of an import at once, each on a thread (and so a connection) of its own, in the
 * import's workspace. A part is told to stop before its next step once another part has failed; the
 * first failure is thrown once every part has stopped.
 */
@Component
class ImportConnections {

  private final AtomicInteger threadNumber = new AtomicInteger();
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "order-import-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Runs the parts, the first on the calling thread, and returns when all are done. Each part gets
   * a test of whether it should stop.
   */
  void runAll(UUID workspaceId, List<Consumer<BooleanSupplier>> parts) {
    AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
    BooleanSupplier stop = () -> failure.get() != null;
    List<CompletableFuture<Void>> others = new ArrayList<>();
    for (Consumer<BooleanSupplier> part : parts.subList(Math.min(1, parts.size()), parts.size())) {
      others.add(
          CompletableFuture.runAsync(
              () -> WorkspaceContext.runIn(workspaceId, () -> run(part, stop, failure)), threads));
    }
    if (!parts.isEmpty()) {
      run(parts.get(0), stop, failure);
    }
    others.forEach(CompletableFuture::join);
    RuntimeException first = failure.get();
    if (first != null) {
      throw first;
    }
  }

  private static void run(
      Consumer<BooleanSupplier> part,
      BooleanSupplier stop,
      AtomicReference<@Nullable RuntimeException> failure) {
    try {
      part.accept(stop);
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }
}
