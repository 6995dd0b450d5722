-- The web-to-lead form: one per workspace, found by its random public key from an unauthenticated request.
create table lead_web_form (
  workspace_id     uuid not null references workspace (id),
  form_key         text not null,
  enabled          boolean not null default false,
  -- the optional fields the form asks besides the name: COMPANY, TITLE, PHONE, EMAIL, CITY, INDUSTRY, MESSAGE
  fields           text[] not null default '{}',
  thank_you        text,
  default_owner_id uuid,
  default_team_id  uuid,
  updated_at       timestamptz not null,
  version          bigint not null default 0,
  primary key (workspace_id),
  foreign key (workspace_id, default_owner_id) references app_user (workspace_id, id),
  foreign key (workspace_id, default_team_id) references team (workspace_id, id),
  check (default_owner_id is null or default_team_id is null)
);
create unique index lead_web_form_key on lead_web_form (form_key);
-- Not forced: guanxi_find_lead_form reads it with the owner's rights before any workspace is known.
alter table lead_web_form enable row level security;
create policy workspace_isolation on lead_web_form
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());

-- Which workspace an enabled form key belongs to: the only question the public form asks across workspaces.
create function guanxi_find_lead_form(p_form_key text) returns uuid
  language sql stable security definer set search_path = public
  as $$ select f.workspace_id from lead_web_form f where f.form_key = p_form_key and f.enabled $$;

-- Submissions of the public form per client address and fixed window, counted in the database so that
-- every application node counts the same submissions.
create table lead_form_hit (
  workspace_id uuid not null references workspace (id),
  client       text not null,
  window_start timestamptz not null,
  hits         int not null,
  primary key (workspace_id, client, window_start)
);
create index lead_form_hit_by_age on lead_form_hit (workspace_id, window_start);
alter table lead_form_hit enable row level security;
alter table lead_form_hit force row level security;
create policy workspace_isolation on lead_form_hit
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());
