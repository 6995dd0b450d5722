-- Platform: workspaces (tenants), teams, users, API tokens, idempotent requests, HTTP sessions.
-- Row-level security keeps workspaces apart: every business table carries workspace_id and a policy
-- comparing it with the workspace the application set on its connection (guanxi.workspace_id).

create extension if not exists pg_trgm;

create function guanxi_current_workspace() returns uuid
  language sql stable
  as $$ select nullif(current_setting('guanxi.workspace_id', true), '')::uuid $$;

create table workspace (
  id             uuid primary key,
  slug           text not null unique,
  name           text not null,
  default_locale text not null default 'zh-CN',
  created_at     timestamptz not null default now(),
  version        bigint not null default 0
);
alter table workspace enable row level security;
create policy workspace_isolation on workspace
  using (id = guanxi_current_workspace()) with check (id = guanxi_current_workspace());

create table team (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  name         text not null,
  parent_id    uuid,
  created_at   timestamptz not null default now(),
  version      bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, parent_id) references team (workspace_id, id)
);

create table app_user (
  workspace_id  uuid not null references workspace (id),
  id            uuid not null,
  username      text not null,
  display_name  text not null,
  password_hash text not null,
  roles         text[] not null,
  team_id       uuid,
  locale        text,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  version       bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, team_id) references team (workspace_id, id)
);
-- user names are unique across workspaces so that a login names exactly one account
create unique index app_user_username on app_user (lower(username));

create table api_token (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  user_id      uuid not null,
  name         text not null,
  token_hash   bytea not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references app_user (workspace_id, id)
);
create unique index api_token_hash on api_token (token_hash);

create table idempotent_request (
  workspace_id    uuid not null references workspace (id),
  user_id         uuid not null,
  idempotency_key text not null,
  request_hash    bytea not null,
  response_status int,
  response_type   text,
  response_body   bytea,
  response_location text,
  created_at      timestamptz not null default now(),
  primary key (workspace_id, user_id, idempotency_key)
);

do $$
declare t text;
begin
  foreach t in array array['team', 'app_user', 'api_token', 'idempotent_request'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;

-- Logins and API tokens arrive before any workspace is known. These functions answer exactly one
-- question across workspaces (which account is this?) and run with the owner's rights.
create function guanxi_find_login(p_username text) returns table (workspace_id uuid, user_id uuid)
  language sql stable security definer set search_path = public
  as $$ select u.workspace_id, u.id from app_user u where lower(u.username) = lower(p_username) $$;

create function guanxi_find_token(p_token_hash bytea) returns table (workspace_id uuid, user_id uuid)
  language sql stable security definer set search_path = public
  as $$ select t.workspace_id, t.user_id from api_token t where t.token_hash = p_token_hash and t.revoked_at is null $$;

create function guanxi_find_workspace(p_slug text) returns uuid
  language sql stable security definer set search_path = public
  as $$ select w.id from workspace w where w.slug = p_slug $$;

-- Spring Session (sessions in the database so that several application nodes share them)
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
