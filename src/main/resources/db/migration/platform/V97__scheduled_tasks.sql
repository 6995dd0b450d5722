-- Background jobs (imports) are run by db-scheduler: one row a job waiting or running, picked by
-- one node at a time, its heartbeat kept while it runs. The table is db-scheduler's, as its
-- documentation defines it for PostgreSQL; it holds no workspace data (the task instance is
-- "<workspace id>/<job id>", the job itself stays in its module's table).
create table scheduled_tasks (
  task_name text not null,
  task_instance text not null,
  task_data bytea,
  execution_time timestamp with time zone not null,
  picked boolean not null,
  picked_by text,
  last_success timestamp with time zone,
  last_failure timestamp with time zone,
  consecutive_failures int,
  last_heartbeat timestamp with time zone,
  version bigint not null,
  priority smallint,
  primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- How a module's migration hands a job that waits to the scheduler (without naming its table):
-- due at once, picked by no node yet; a job already scheduled stays as it is.
create function guanxi_schedule_job(p_task text, p_workspace uuid, p_job uuid) returns void
  language sql volatile set search_path = public
  as $$
    insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
    values (p_task, p_workspace || '/' || p_job, now(), false, 1)
    on conflict (task_name, task_instance) do nothing
  $$;
