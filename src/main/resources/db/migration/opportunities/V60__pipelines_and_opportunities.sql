-- Pipelines and their stages, and the opportunities (deals) that move through them. Won and lost are not
-- stages: an opportunity has a status (OPEN, WON, LOST) and keeps the stage it was closed in, so that reports
-- can say where deals are lost.
create table pipeline (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  name         text not null,
  position     int not null,
  is_default   boolean not null default false,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  version      bigint not null default 0,
  primary key (workspace_id, id)
);
create unique index pipeline_name on pipeline (workspace_id, lower(name));
create unique index pipeline_the_default on pipeline (workspace_id) where is_default;

create table pipeline_stage (
  workspace_id uuid not null,
  pipeline_id  uuid not null,
  id           uuid not null,
  position     int not null,
  name         text not null,
  -- the probability (percent) a deal gets when it enters the stage
  probability  int not null check (probability between 0 and 100),
  primary key (workspace_id, id),
  unique (workspace_id, pipeline_id, id),
  foreign key (workspace_id, pipeline_id) references pipeline (workspace_id, id) on delete cascade
);
create index pipeline_stage_in_order on pipeline_stage (workspace_id, pipeline_id, position);

create table opportunity (
  workspace_id        uuid not null references workspace (id),
  id                  uuid not null,
  name                text not null,
  customer_id         uuid not null,
  lead_id             uuid,
  pipeline_id         uuid not null,
  stage_id            uuid not null,
  status              text not null check (status in ('OPEN', 'WON', 'LOST')),
  owner_id            uuid not null,
  -- the owner's team when the deal was given to the owner: the team it counts for
  team_id             uuid,
  amount              numeric(19, 4) not null check (amount >= 0),
  currency            char(3) not null default 'CNY',
  probability         int not null check (probability between 0 and 100),
  expected_close_date date not null,
  next_step           text,
  competitors         text[] not null default '{}',
  description         text,
  stage_entered_at    timestamptz not null,
  closed_at           timestamptz,
  -- the business day it was won or lost, and the days from its creation to then
  closed_on           date,
  cycle_days          int,
  won_reason          text,
  lost_reason         text check (lost_reason in
                        ('PRICE', 'COMPETITOR', 'NO_BUDGET', 'NO_DECISION', 'TIMING', 'PRODUCT_FIT', 'OTHER')),
  lost_note           text,
  order_id            uuid,
  created_at          timestamptz not null,
  updated_at          timestamptz not null,
  version             bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, lead_id) references sales_lead (workspace_id, id),
  foreign key (workspace_id, pipeline_id) references pipeline (workspace_id, id),
  foreign key (workspace_id, pipeline_id, stage_id) references pipeline_stage (workspace_id, pipeline_id, id),
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id),
  foreign key (workspace_id, team_id) references team (workspace_id, id),
  foreign key (workspace_id, order_id) references sales_order (workspace_id, id),
  check ((status = 'OPEN') = (closed_at is null)),
  check ((status = 'OPEN') = (closed_on is null)),
  check ((status = 'LOST') = (lost_reason is not null)),
  check (order_id is null or status = 'WON')
);
create index opportunity_recent on opportunity (workspace_id, created_at desc, id desc);
create index opportunity_by_owner on opportunity (workspace_id, owner_id, created_at desc, id desc);
create index opportunity_by_team on opportunity (workspace_id, team_id, created_at desc, id desc);
create index opportunity_by_customer on opportunity (workspace_id, customer_id, created_at desc, id desc);
-- a board column: the open deals of a stage, soonest expected close first
create index opportunity_open_by_stage on opportunity (workspace_id, stage_id, expected_close_date, id)
  where status = 'OPEN';
create index opportunity_by_lead on opportunity (workspace_id, lead_id) where lead_id is not null;

-- The products of a deal: what an order made from it will contain.
create table opportunity_line (
  workspace_id     uuid not null,
  opportunity_id   uuid not null,
  position         int not null,
  product_id       uuid,
  description      text not null,
  quantity         numeric(19, 4) not null check (quantity > 0),
  unit_price       numeric(19, 4) not null check (unit_price >= 0),
  discount_percent numeric(7, 4) not null default 0 check (discount_percent between 0 and 100),
  amount           numeric(19, 4) not null,
  primary key (workspace_id, opportunity_id, position),
  foreign key (workspace_id, opportunity_id) references opportunity (workspace_id, id) on delete cascade,
  foreign key (workspace_id, product_id) references product (workspace_id, id)
);

-- Every stage a deal was in, from when to when (left_at is null for the stage it is in while open): the
-- basis of the time spent per stage and of the win rate by stage.
create table opportunity_stage_visit (
  workspace_id   uuid not null,
  opportunity_id uuid not null,
  position       int not null,
  stage_id       uuid not null,
  entered_at     timestamptz not null,
  left_at        timestamptz,
  moved_by       uuid,
  primary key (workspace_id, opportunity_id, position),
  foreign key (workspace_id, opportunity_id) references opportunity (workspace_id, id) on delete cascade,
  foreign key (workspace_id, stage_id) references pipeline_stage (workspace_id, id),
  foreign key (workspace_id, moved_by) references app_user (workspace_id, id)
);
create index opportunity_stage_visit_by_stage on opportunity_stage_visit (workspace_id, stage_id);

-- Every workspace that exists now gets the default pipeline that new workspaces get from the application.
-- Ids are UUIDv7 like the application's: the time in the first 48 bits, version 7.
create function pg_temp.uuid_v7() returns uuid language sql volatile as $$
  select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
    from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;

with pipelines as (
  insert into pipeline (workspace_id, id, name, position, is_default, created_at, updated_at)
  select w.id, pg_temp.uuid_v7(), '销售管道 Sales pipeline', 1, true, now(), now() from workspace w
  returning workspace_id, id
)
insert into pipeline_stage (workspace_id, pipeline_id, id, position, name, probability)
select p.workspace_id, p.id, pg_temp.uuid_v7(), s.position, s.name, s.probability
from pipelines p
cross join (values (1, '初步接洽 Qualification', 10), (2, '需求分析 Needs analysis', 30),
                   (3, '方案报价 Proposal', 60), (4, '商务谈判 Negotiation', 80)) as s (position, name, probability);

do $$
declare t text;
begin
  foreach t in array array['pipeline', 'pipeline_stage', 'opportunity', 'opportunity_line',
                           'opportunity_stage_visit'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
