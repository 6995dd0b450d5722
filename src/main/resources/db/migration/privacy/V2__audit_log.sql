-- Privacy: the append-only audit log of every access to personal data (reveals, exports, bulk reads).
create table audit_event (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  occurred_at  timestamptz not null default now(),
  actor_id     uuid,
  actor_name   text not null,
  action       text not null,
  subject_type text not null,
  subject_id   uuid,
  detail       jsonb not null default '{}',
  primary key (workspace_id, id)
);
create index audit_event_recent on audit_event (workspace_id, occurred_at desc, id desc);

alter table audit_event enable row level security;
create policy workspace_isolation on audit_event
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());

create function guanxi_audit_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function guanxi_audit_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function guanxi_audit_is_append_only();
