-- Who gets a lead that came in without an owner (web form, import): rules tried in order of position;
-- a rule matches on city/region and/or industry (neither: every lead) and names a user or a team, whose
-- active sales reps take turns (round robin).
create table lead_assignment_rule (
  workspace_id   uuid not null references workspace (id),
  id             uuid not null,
  position       int not null,
  city           text,
  industry       text,
  target_user_id uuid,
  target_team_id uuid,
  created_at     timestamptz not null,
  version        bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, target_user_id) references app_user (workspace_id, id),
  foreign key (workspace_id, target_team_id) references team (workspace_id, id),
  check ((target_user_id is null) <> (target_team_id is null))
);
create index lead_assignment_rule_in_order on lead_assignment_rule (workspace_id, position, created_at, id);

-- The rep of a team who got its last lead; the row is locked while the next one is chosen, so that
-- assignments on several nodes at once still take turns.
create table lead_round_robin (
  workspace_id uuid not null references workspace (id),
  team_id      uuid not null,
  last_user_id uuid,
  primary key (workspace_id, team_id),
  foreign key (workspace_id, team_id) references team (workspace_id, id)
);

do $$
declare t text;
begin
  foreach t in array array['lead_assignment_rule', 'lead_round_robin'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
