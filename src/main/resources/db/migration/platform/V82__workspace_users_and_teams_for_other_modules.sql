-- What other modules may read of the workspace's users and teams: their names, teams, roles and whether they are
-- active, never a password hash. Each module owns its tables; these views are platform's SQL for the others, who
-- name them instead of app_user and team. security_invoker keeps the tables' row-level security for the reader.
create view workspace_user with (security_invoker = true) as
  select workspace_id, id, username, display_name, team_id, roles, active, locale from app_user;

create view workspace_team with (security_invoker = true) as
  select workspace_id, id, name, parent_id from team;
