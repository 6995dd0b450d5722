-- Money in several currencies adds up in the workspace's base currency, through the rates administrators keep.
-- The base currency is a property of the workspace (CNY for every workspace until an administrator chooses another);
-- changing it bumps the workspace's version, which the API hands out as the base currency's ETag.
alter table workspace
  add column base_currency text not null default 'CNY' check (base_currency ~ '^[A-Z]{3}$');

-- One unit of currency is worth rate units of base_currency from valid_from on, until the currency's next rate to
-- the same base. A rate keeps the base it was entered against: after the base currency changes, the old rates stay
-- (and can be read and deleted) but no longer apply, as they do not say what the money is worth in the new base.
create table exchange_rate (
  workspace_id  uuid not null references workspace (id),
  id            uuid not null,
  currency      text not null check (currency ~ '^[A-Z]{3}$'),
  base_currency text not null check (base_currency ~ '^[A-Z]{3}$'),
  valid_from    date not null,
  rate          numeric(19, 10) not null check (rate > 0),
  created_at    timestamptz not null default now(),
  version       bigint not null default 0,
  primary key (workspace_id, id),
  check (currency <> base_currency)
);
-- one rate per currency and day; the same index finds the rate valid on a day (the latest valid_from on or before
-- it) with one probe: text and date comparisons are leakproof, so it serves under row-level security
create unique index exchange_rate_by_day on exchange_rate (workspace_id, currency, base_currency, valid_from);

alter table exchange_rate enable row level security;
alter table exchange_rate force row level security;
create policy workspace_isolation on exchange_rate
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());
