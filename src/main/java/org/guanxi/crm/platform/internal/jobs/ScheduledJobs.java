package org.guanxi.crm.platform.internal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.JobKind;
import org.guanxi.crm.platform.JobScheduler;
import org.guanxi.crm.platform.Jobs;
import org.guanxi.crm.platform.WorkspaceContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link JobKind} run by db-scheduler, a well-kept library of persistent,
 * cluster-safe tasks in one table ({@code scheduled_tasks}, V97): a job is a one-time task whose
 * instance is {@code <workspace id>/<job id>}. A node picks a job that is due, keeps its heartbeat
 * while it runs and deletes it once the attempt has ended; a job whose attempt failed is tried
 * again after {@code guanxi.jobs.retry-after}; a job whose node stopped sending heartbeats for
 * {@link Jobs#STALE_AFTER} (four missed heartbeats) is taken over by another node. The module's
 * {@link org.guanxi.crm.platform.JobQueue} counts the attempts and keeps what the user sees.
 */
@Component
class ScheduledJobs implements JobScheduler, SmartLifecycle {

  private static final int MISSED_HEARTBEATS = 4;

  private final Map<String, OneTimeTask<Void>> tasks = new LinkedHashMap<>();
  private final Supplier<Scheduler> newScheduler;
  private volatile Scheduler scheduler;
  private final Clock clock;
  private volatile boolean running;

  ScheduledJobs(
      DataSource dataSource,
      List<JobKind> kinds,
      Clock clock,
      @Value("${guanxi.imports.poll-interval:PT2S}") Duration pollInterval,
      @Value("${guanxi.jobs.heartbeat:PT30S}") Duration heartbeat,
      @Value("${guanxi.jobs.retry-after:PT5S}") Duration retryAfter,
      @Value("${guanxi.jobs.threads:4}") int threads) {
    this.clock = clock;
    for (JobKind kind : kinds) {
      tasks.put(
          kind.name(),
          Tasks.oneTime(kind.name())
              .onFailure(new FailureHandler.OnFailureRetryLater<>(retryAfter))
              .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
              .execute((instance, context) -> attempt(kind, instance.getId())));
    }
    // in the caller's transaction when there is one, so that a job is scheduled with its row
    this.newScheduler =
        () ->
            Scheduler.create(
                    new TransactionAwareDataSourceProxy(dataSource), List.copyOf(tasks.values()))
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .threads(threads)
                .enableImmediateExecution()
                .build();
    this.scheduler = newScheduler.get();
  }

  @Override
  public void submit(JobKind kind, UUID jobId) {
    OneTimeTask<Void> task = tasks.get(kind.name());
    if (task == null) {
      throw new IllegalStateException("No job kind " + kind.name());
    }
    scheduler.scheduleIfNotExists(
        task.instance(WorkspaceContext.require() + "/" + jobId), clock.instant());
  }

  /** One attempt at a job, in its workspace, under a new claim. */
  private void attempt(JobKind kind, String instance) {
    int slash = instance.indexOf('/');
    UUID workspace = UUID.fromString(instance.substring(0, slash));
    UUID id = UUID.fromString(instance.substring(slash + 1));
    WorkspaceContext.runIn(
        workspace,
        () -> {
          UUID claim = Ids.newId();
          if (kind.queue().start(id, claim, clock.instant())) {
            kind.run(id, claim);
          }
        });
  }

  @Override
  public void start() {
    scheduler.start();
    running = true;
  }

  /**
   * Stops the scheduler; a stopped one cannot start again, so a new one waits for the next {@link
   * #start} (as when tests pause and resume a cached application context).
   */
  @Override
  public void stop() {
    scheduler.stop();
    scheduler = newScheduler.get();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
