-- Failed sign-ins, counted per user name and per client address to slow down password guessing.
-- Not tied to a workspace: a failed login names no account for certain.
create table login_failure (
  username     text not null,
  client       text not null,
  failed_at    timestamptz not null default now()
);
create index login_failure_by_username on login_failure (lower(username), failed_at);
create index login_failure_by_client on login_failure (client, failed_at);
