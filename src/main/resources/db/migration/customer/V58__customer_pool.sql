-- The customer pool (公海). A customer whose owner has not followed up for a workspace's period returns to the
-- pool of the owner's team (pool_team_id; null is the workspace's general pool), with the reason recorded;
-- reps claim customers from the pool, managers assign and reclaim them. A customer in the pool has no owner.
--
-- followed_up_at is the follow-up clock: set when the customer is created, claimed or assigned, and moved
-- forward whenever its owner does something on it.
alter table customer
  add column followed_up_at       timestamptz,
  add column pool_team_id         uuid,
  add column pooled_at            timestamptz,
  add column pool_reason          text check (pool_reason in ('NO_FOLLOW_UP', 'RELEASED', 'RECLAIMED')),
  add column pool_former_owner_id uuid,
  add foreign key (workspace_id, pool_team_id) references team (workspace_id, id),
  add foreign key (workspace_id, pool_former_owner_id) references app_user (workspace_id, id),
  add constraint customer_pool_reason check ((pooled_at is null) = (pool_reason is null)),
  add constraint customer_pool_has_no_owner check (pooled_at is null or owner_id is null);

-- Existing customers count as followed up when they were last changed.
update customer set followed_up_at = greatest(updated_at, created_at);
alter table customer
  alter column followed_up_at set default now(),
  alter column followed_up_at set not null;

-- The customers the periodic check may return: owned, oldest follow-up first.
create index customer_by_follow_up on customer (workspace_id, followed_up_at)
  where deleted_at is null and owner_id is not null;
-- The pool, newest first.
create index customer_pool on customer (workspace_id, pooled_at desc, id desc)
  where deleted_at is null and pooled_at is not null;

-- A workspace's pool rules; without a row the defaults apply (customers never return by themselves).
create table customer_pool_settings (
  workspace_id        uuid primary key references workspace (id),
  return_after_days   integer check (return_after_days between 1 and 3650),
  claim_limit         integer not null check (claim_limit between 1 and 100000),
  key_accounts_exempt boolean not null,
  version             bigint not null default 0
);
alter table customer_pool_settings enable row level security;
alter table customer_pool_settings force row level security;
create policy workspace_isolation on customer_pool_settings
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());
