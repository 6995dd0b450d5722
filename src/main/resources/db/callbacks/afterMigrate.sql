-- Runs after every migration: the application role may read and write business data, and nothing more.
-- Never applied to the migrating role itself (the application refuses that configuration before migrating).
do $$
begin
  if '${appRole}' <> current_user then
    execute 'grant usage on schema public to "${appRole}"';
    execute 'grant select, insert, update, delete on all tables in schema public to "${appRole}"';
    execute 'revoke update, delete, truncate on audit_event from "${appRole}"';
    execute 'revoke all on flyway_schema_history from "${appRole}"';
    execute 'grant execute on all functions in schema public to "${appRole}"';
  end if;
end $$;
