-- Custom fields that administrators add to customers; values live in customer.custom_fields (jsonb) under the key.
create table custom_field (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  key          text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
  type         text not null check (type in ('TEXT', 'NUMBER', 'MONEY', 'DATE', 'BOOLEAN', 'CHOICE')),
  label_en     text not null,
  label_zh_cn  text not null,
  label_zh_tw  text not null,
  required     boolean not null default false,
  options      jsonb not null default '[]',
  position     int not null default 0,
  active       boolean not null default true,
  created_at   timestamptz not null default now(),
  version      bigint not null default 0,
  primary key (workspace_id, id),
  unique (workspace_id, key)
);
alter table custom_field enable row level security;
create policy workspace_isolation on custom_field
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());

create index customer_custom_fields on customer using gin (custom_fields jsonb_path_ops);
