package org.guanxi.crm.platform.internal.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
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
import org.guanxi.crm.platform.WorkspaceContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link JobKind} run by db-scheduler, a well-kept library of persistent,
 * cluster-safe tasks in one table ({@code scheduled_tasks}, V97): a job is a one-time task whose
 * instance is {@code <workspace id>/<job id>}. A node picks a job that is due, keeps its heartbeat
 * while it runs and deletes it once the attempt has ended; a job whose attempt failed is tried
 * again after {@code guanxi.jobs.retry-after}; a job whose node stopped sending heartbeats for four
 * heartbeats ({@code guanxi.jobs.heartbeat}, 30 s: two minutes) is taken over by another node. The
 * module's {@link org.guanxi.crm.platform.JobQueue} counts the attempts and keeps what the user
 * sees.
 */
@Component
class ScheduledJobs implements JobScheduler, SmartLifecycle {

  private static final int MISSED_HEARTBEATS = 4;

  private final Map<String, OneTimeTask<Void>> tasks = new LinkedHashMap<>();
  private final Supplier<Scheduler> schedulers;
  private final SchedulerClient client;
  private final Clock clock;
  private volatile @Nullable Scheduler scheduler;

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
    DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
    List<Task<?>> all = List.copyOf(tasks.values());
    this.client = SchedulerClient.Builder.create(transactional, all).build();
    // a scheduler runs once: every start (a test context is stopped and started again) makes one
    this.schedulers =
        () ->
            Scheduler.create(transactional, all)
                .pollingInterval(pollInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .threads(threads)
                .enableImmediateExecution()
                .build();
  }

  @Override
  public void submit(JobKind kind, UUID jobId) {
    OneTimeTask<Void> task = tasks.get(kind.name());
    if (task == null) {
      throw new IllegalStateException("No job kind " + kind.name());
    }
    Scheduler running = scheduler;
    // the running scheduler also runs it at once when it has a thread free
    (running != null ? running : client)
        .scheduleIfNotExists(
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
  public synchronized void start() {
    if (scheduler == null) {
      Scheduler started = schedulers.get();
      started.start();
      scheduler = started;
    }
  }

  @Override
  public synchronized void stop() {
    Scheduler running = scheduler;
    scheduler = null;
    if (running != null) {
      running.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
