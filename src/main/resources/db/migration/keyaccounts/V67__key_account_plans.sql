-- Key-account plans: one per key customer and year, with its goals, the stakeholders on the customer's side, the
-- account team and the agreed next steps. The plan carries the version; its parts are written with it, as a whole.
create table sales_key_account_plan (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  customer_id  uuid not null,
  year         integer not null check (year between 2000 and 2100),
  created_by   uuid not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  version      bigint not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, customer_id, year),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, created_by) references app_user (workspace_id, id)
);

create table sales_key_account_goal (
  workspace_id  uuid not null,
  id            uuid not null,
  plan_id       uuid not null,
  position      integer not null,
  description   text not null,
  target_amount numeric(19, 4) check (target_amount >= 0),
  currency      text check (currency ~ '^[A-Z]{3}$'),
  status        text not null check (status in ('OPEN', 'ON_TRACK', 'AT_RISK', 'ACHIEVED', 'MISSED')),
  primary key (workspace_id, id),
  foreign key (workspace_id, plan_id) references sales_key_account_plan (workspace_id, id) on delete cascade,
  check ((target_amount is null) = (currency is null))
);
create index sales_key_account_goal_by_plan on sales_key_account_goal (workspace_id, plan_id, position);

-- contact_id names a contact of the plan's customer; no foreign key, so that deleting a contact is not refused:
-- the plan then shows the stakeholder without the link.
create table sales_key_account_stakeholder (
  workspace_id uuid not null,
  id           uuid not null,
  plan_id      uuid not null,
  position     integer not null,
  name         text not null,
  title        text,
  buying_role  text not null check (buying_role in ('DECISION_MAKER', 'ECONOMIC_BUYER', 'TECHNICAL_BUYER', 'USER',
                                                     'INFLUENCER', 'GATEKEEPER')),
  attitude     text not null check (attitude in ('CHAMPION', 'SUPPORTER', 'NEUTRAL', 'SCEPTIC', 'OPPONENT')),
  contact_id   uuid,
  primary key (workspace_id, id),
  foreign key (workspace_id, plan_id) references sales_key_account_plan (workspace_id, id) on delete cascade
);
create index sales_key_account_stakeholder_by_plan on sales_key_account_stakeholder (workspace_id, plan_id, position);

create table sales_key_account_member (
  workspace_id uuid not null,
  plan_id      uuid not null,
  user_id      uuid not null,
  position     integer not null,
  team_role    text not null check (team_role in ('ACCOUNT_MANAGER', 'EXECUTIVE_SPONSOR', 'SALES', 'PRESALES',
                                                   'SERVICE', 'OTHER')),
  primary key (workspace_id, plan_id, user_id),
  foreign key (workspace_id, plan_id) references sales_key_account_plan (workspace_id, id) on delete cascade,
  foreign key (workspace_id, user_id) references app_user (workspace_id, id)
);
create index sales_key_account_member_by_user on sales_key_account_member (workspace_id, user_id);

create table sales_key_account_step (
  workspace_id uuid not null,
  id           uuid not null,
  plan_id      uuid not null,
  position     integer not null,
  description  text not null,
  owner_id     uuid not null,
  review_date  date not null,
  done         boolean not null default false,
  done_at      timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, plan_id) references sales_key_account_plan (workspace_id, id) on delete cascade,
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id),
  check (done = (done_at is not null))
);
create index sales_key_account_step_by_plan on sales_key_account_step (workspace_id, plan_id, position);
-- the list's next review date and overdue steps read the open steps only
create index sales_key_account_step_open on sales_key_account_step (workspace_id, plan_id, review_date) where not done;

do $$
declare t text;
begin
  foreach t in array array['sales_key_account_plan', 'sales_key_account_goal', 'sales_key_account_stakeholder',
                           'sales_key_account_member', 'sales_key_account_step'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
