-- Runs after every migration: the application role may read and write business data, and nothing more.
grant usage on schema public to "${appRole}";
grant select, insert, update, delete on all tables in schema public to "${appRole}";
revoke update, delete, truncate on audit_event from "${appRole}";
revoke all on flyway_schema_history from "${appRole}";
grant execute on all functions in schema public to "${appRole}";
