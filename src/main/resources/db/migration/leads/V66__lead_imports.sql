-- Lead imports run within the request (a few thousand rows at most); what is kept is the outcome: the counts, the
-- mapping, and the rows that were not imported as they were or at all — rejected ones and possible duplicates —
-- for the downloadable error report. Those rows may hold phone numbers and e-mail addresses, so they are sealed.
create table sales_lead_import (
  workspace_id     uuid not null references workspace (id),
  id               uuid not null,
  user_id          uuid not null,
  file_name        text not null,
  headers          text[] not null,
  mapping          jsonb not null,
  duplicate_policy text not null check (duplicate_policy in ('SKIP', 'IMPORT')),
  owner_id         uuid,
  total_rows       integer not null,
  imported         integer not null,
  rejected         integer not null,
  duplicates       integer not null,
  created_at       timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, user_id) references app_user (workspace_id, id),
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id)
);
create index sales_lead_import_by_user on sales_lead_import (workspace_id, user_id, created_at desc);

create table sales_lead_import_row (
  workspace_id      uuid not null,
  import_id         uuid not null,
  row_number        integer not null,
  outcome           text not null check (outcome in ('REJECTED', 'DUPLICATE_SKIPPED', 'DUPLICATE_IMPORTED')),
  -- [{"column", "field", "code", "message"}]: what is wrong, never the values
  problems          jsonb not null default '[]',
  duplicate_of_row  integer,
  -- an existing lead with the same e-mail or phone (no foreign key: the lead may be deleted later)
  duplicate_of_lead uuid,
  -- the lead created from this row anyway (DUPLICATE_IMPORTED)
  lead_id           uuid,
  -- the row as uploaded: a JSON array of its cells, sealed
  cells_enc         bytea not null,
  primary key (workspace_id, import_id, row_number),
  foreign key (workspace_id, import_id) references sales_lead_import (workspace_id, id) on delete cascade
);

do $$
declare t text;
begin
  foreach t in array array['sales_lead_import', 'sales_lead_import_row'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;
