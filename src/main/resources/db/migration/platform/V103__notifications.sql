-- What the CRM tells a user in the application (the bell): a due task, later a case or a campaign. message_key names
-- the heading in the sending module's bundle, text the record it is about (a task's title), link its page. Kept 30
-- days, read or not.
create table notification (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  user_id      uuid not null,
  message_key  text not null,
  text         text not null,
  link         text,
  created_at   timestamptz not null,
  read_at      timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references app_user (workspace_id, id)
);
create index notification_by_user on notification (workspace_id, user_id, created_at desc, id desc);
create index notification_unread on notification (workspace_id, user_id) where read_at is null;
create index notification_by_age on notification (created_at);

select guanxi_isolate_workspaces('notification');
