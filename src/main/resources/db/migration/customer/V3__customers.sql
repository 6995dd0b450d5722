-- Customer: the one customer record that sales, marketing and service share.
-- Personal data (phone, e-mail, ID-card number, birthday, street address) is stored encrypted (*_enc);
-- exact look-ups go through keyed blind indexes (*_bidx: HMAC of the normalised value), never decryption.
create table customer (
  workspace_id     uuid not null references workspace (id),
  id               uuid not null,
  kind             text not null check (kind in ('ORGANIZATION', 'INDIVIDUAL')),
  name             text not null,
  industry         text,
  source           text,
  city             text,
  lifecycle_stage  text not null check (lifecycle_stage in ('PROSPECT', 'NEW', 'ACTIVE', 'AT_RISK', 'LOST')),
  classification   text not null check (classification in ('KEY_ACCOUNT', 'ORDINARY')),
  tags             text[] not null default '{}',
  preferences      text,
  owner_id         uuid,
  team_id          uuid,
  custom_fields    jsonb not null default '{}',
  phone_enc        bytea,
  phone_bidx       bytea,
  phone_tail_bidx  bytea,
  email_enc        bytea,
  email_bidx       bytea,
  id_card_enc      bytea,
  id_card_bidx     bytea,
  birthday_enc     bytea,
  address_enc      bytea,
  search_name      text not null,
  search_latin     text not null,
  search_grams     text[] not null,
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  deleted_at       timestamptz,
  version          bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id),
  foreign key (workspace_id, team_id) references team (workspace_id, id)
);
create index customer_recent on customer (workspace_id, created_at desc, id desc) where deleted_at is null;
create index customer_by_name on customer (workspace_id, search_name, id) where deleted_at is null;
create index customer_by_owner on customer (workspace_id, owner_id, created_at desc, id desc) where deleted_at is null;
create index customer_by_team on customer (workspace_id, team_id, created_at desc, id desc) where deleted_at is null;
create index customer_grams on customer using gin (search_grams);
create index customer_latin on customer using gin (search_latin gin_trgm_ops);
create index customer_phone on customer (workspace_id, phone_bidx) where phone_bidx is not null;
create index customer_phone_tail on customer (workspace_id, phone_tail_bidx) where phone_tail_bidx is not null;
create index customer_email on customer (workspace_id, email_bidx) where email_bidx is not null;

create table customer_share (
  workspace_id uuid not null,
  customer_id  uuid not null,
  user_id      uuid not null,
  primary key (workspace_id, customer_id, user_id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, user_id) references app_user (workspace_id, id)
);
create index customer_share_by_user on customer_share (workspace_id, user_id);

create table customer_contact (
  workspace_id    uuid not null,
  id              uuid not null,
  customer_id     uuid not null,
  name            text not null,
  title           text,
  phone_enc       bytea,
  phone_bidx      bytea,
  phone_tail_bidx bytea,
  email_enc       bytea,
  email_bidx      bytea,
  is_primary      boolean not null default false,
  created_at      timestamptz not null,
  version         bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index customer_contact_by_customer on customer_contact (workspace_id, customer_id);
create index customer_contact_phone on customer_contact (workspace_id, phone_bidx) where phone_bidx is not null;
create index customer_contact_email on customer_contact (workspace_id, email_bidx) where email_bidx is not null;

-- What happened to a customer, fed by this and other modules through events.
create table customer_timeline (
  workspace_id uuid not null,
  id           uuid not null,
  customer_id  uuid not null,
  occurred_at  timestamptz not null,
  kind         text not null,
  actor_name   text,
  detail       jsonb not null default '{}',
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index customer_timeline_by_customer on customer_timeline (workspace_id, customer_id, occurred_at desc);

do $$
declare t text;
begin
  foreach t in array array['customer', 'customer_share', 'customer_contact', 'customer_timeline'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
