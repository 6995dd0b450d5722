-- Sales targets (销售目标): what a rep is to win in a month, set by the rep's managers (or an administrator). The
-- rep's team holds it too, so that the team's managers see it. The home page ranks the team against it.
create table sales_target (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  user_id      uuid not null,
  team_id      uuid,
  month        date not null check (extract(day from month) = 1),
  amount       numeric(19, 4) not null check (amount >= 0),
  currency     text not null check (currency ~ '^[A-Z]{3}$'),
  set_by       uuid not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  version      bigint not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, user_id, month),
  foreign key (workspace_id, user_id) references app_user (workspace_id, id),
  foreign key (workspace_id, set_by) references app_user (workspace_id, id)
);

select guanxi_isolate_workspaces('sales_target');
