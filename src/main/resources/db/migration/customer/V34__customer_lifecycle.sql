-- A customer's purchases move its lifecycle stage; periods without one move it to at risk and lost.
alter table customer
  add column first_purchase_at timestamptz,
  add column last_purchase_at  timestamptz,
  add column purchase_count    integer not null default 0;

-- The customers the periodic check may move: they have bought, and are not lost yet.
create index customer_by_last_purchase on customer (workspace_id, last_purchase_at)
  where deleted_at is null and last_purchase_at is not null and lifecycle_stage in ('NEW', 'ACTIVE', 'AT_RISK');

-- A workspace's periods; without a row the defaults apply.
create table customer_lifecycle_settings (
  workspace_id        uuid primary key references workspace (id),
  at_risk_after_days  integer not null check (at_risk_after_days between 1 and 3650),
  lost_after_days     integer not null check (lost_after_days between 2 and 3650),
  version             bigint not null default 0,
  check (lost_after_days > at_risk_after_days)
);
alter table customer_lifecycle_settings enable row level security;
create policy workspace_isolation on customer_lifecycle_settings
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());

-- Background work that visits every workspace (such as the lifecycle check) learns their ids here; it then
-- works inside each one under its policies.
create function guanxi_workspace_ids() returns setof uuid
  language sql stable security definer set search_path = public
  as $$ select w.id from workspace w order by w.id $$;
