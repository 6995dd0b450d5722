-- The row-level security every business table has, in one place: each listed table shows and takes only the rows of
-- the current workspace, for its owner too (force). A module's migration calls it for the tables it creates.
create function guanxi_isolate_workspaces(variadic tables text[]) returns void language plpgsql as $$
declare t text;
begin
  foreach t in array tables loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
revoke execute on function guanxi_isolate_workspaces(text[]) from public;
