-- Tasks: something a user is to do by a day (and a time), with a priority, for a customer or not; a follow-up's next
-- date becomes one for the customer's owner. The assignee's team holds it too, so that the team's managers see it.
create table task (
  workspace_id          uuid not null references workspace (id),
  id                    uuid not null,
  title                 text not null,
  description           text,
  due_on                date not null,
  due_time              time,
  priority              text not null check (priority in ('HIGH', 'NORMAL', 'LOW')),
  assignee_id           uuid not null,
  team_id               uuid,
  customer_id           uuid,
  -- the follow-up whose next date asked for it: one task per follow-up, whoever asks twice
  interaction_id        uuid,
  remind_minutes_before integer check (remind_minutes_before between 0 and 43200),
  -- when to remind: the due instant less the minutes, kept with the task; null: no reminder
  remind_at             timestamptz,
  reminded_at           timestamptz,
  status                text not null check (status in ('OPEN', 'DONE')),
  completed_at          timestamptz,
  completed_by          uuid,
  created_by            uuid not null,
  created_at            timestamptz not null,
  updated_at            timestamptz not null,
  version               bigint not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, interaction_id),
  foreign key (workspace_id, assignee_id) references app_user (workspace_id, id),
  foreign key (workspace_id, created_by) references app_user (workspace_id, id),
  foreign key (workspace_id, completed_by) references app_user (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  check ((status = 'DONE') = (completed_at is not null)),
  check ((remind_at is null) = (remind_minutes_before is null))
);
-- a user's open tasks by due date (the home page, overdue flags)
create index task_open_by_assignee on task (workspace_id, assignee_id, due_on, due_time, id) where status = 'OPEN';
-- a customer's tasks
create index task_by_customer on task (workspace_id, customer_id, due_on) where customer_id is not null;
-- reminders still to send, across workspaces (the reminder check)
create index task_reminder_due on task (remind_at) where reminded_at is null and status = 'OPEN';

select guanxi_isolate_workspaces('task');
