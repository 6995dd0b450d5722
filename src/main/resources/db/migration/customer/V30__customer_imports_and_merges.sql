-- Customer imports and merges: files imported in the background (and resumed after a restart, on any node),
-- possible duplicates held for a person's decision, and duplicates merged into the customer that survives.

-- A merged duplicate stays in the recycle bin and points at the customer it was merged into.
alter table customer add column merged_into uuid;
alter table customer add foreign key (workspace_id, merged_into) references customer (workspace_id, id);

-- Possible duplicates: names that are very much alike, and names that sound the same (the same pinyin). Without
-- fastupdate, so that a look-up right after a large import does not read through a long list of pending entries.
create index customer_name_trigrams on customer using gin (search_name gin_trgm_ops) with (fastupdate = off);
create index customer_latin_words on customer using gin (string_to_array(search_latin, ' ')) with (fastupdate = off);

create table customer_import (
  workspace_id uuid not null references workspace (id),
  id           uuid not null,
  created_by   uuid not null,
  -- the importing user as at the upload: the rows are checked against this user's rights
  actor        jsonb not null,
  file_name    text not null,
  file_format  text not null check (file_format in ('CSV', 'XLSX')),
  -- the uploaded file, sealed like personal data, and dropped once the import has finished
  file_enc     bytea,
  headers      text[] not null,
  mapping      jsonb not null default '{}',
  status       text not null check (status in ('MAPPING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  total_rows   int not null,
  rows_done    int not null default 0,
  imported     int not null default 0,
  rejected     int not null default 0,
  duplicates   int not null default 0,
  failure      text,
  -- which worker runs the import; a claim whose heartbeat stops is taken over by another worker
  claim        uuid,
  heartbeat_at timestamptz,
  attempts     int not null default 0,
  created_at   timestamptz not null,
  started_at   timestamptz,
  finished_at  timestamptz,
  version      bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, created_by) references app_user (workspace_id, id)
);
create index customer_import_by_user on customer_import (workspace_id, created_by, created_at desc);
create index customer_import_waiting on customer_import (created_at) where status in ('QUEUED', 'RUNNING');

-- The rows of an import that were not simply imported: rejected ones (the error report) and possible
-- duplicates awaiting a decision. Each keeps its values as uploaded, sealed.
create table customer_import_row (
  workspace_id uuid not null,
  import_id    uuid not null,
  row_number   int not null,
  status       text not null check (status in ('REJECTED', 'AWAITING_DECISION', 'CREATED', 'SKIPPED', 'MERGED')),
  values_enc   bytea not null,
  errors       jsonb not null default '[]',
  candidate_id uuid,
  reasons      text[] not null default '{}',
  customer_id  uuid,
  decided_by   uuid,
  decided_at   timestamptz,
  primary key (workspace_id, import_id, row_number),
  foreign key (workspace_id, import_id) references customer_import (workspace_id, id) on delete cascade,
  foreign key (workspace_id, candidate_id) references customer (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id)
);
create index customer_import_row_by_status on customer_import_row (workspace_id, import_id, status, row_number);

do $$
declare t text;
begin
  foreach t in array array['customer_import', 'customer_import_row'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;

-- Workers look for work before they know its workspace: this claims the oldest waiting import (or one whose
-- worker stopped sending heartbeats) for one worker, skipping those other workers hold, and says which it is.
create function guanxi_claim_customer_import(p_claim uuid, p_stale_after interval)
  returns table (workspace_id uuid, import_id uuid)
  language sql volatile security definer set search_path = public
  as $$
    update customer_import i
       set status = 'RUNNING', claim = p_claim, heartbeat_at = now(), attempts = i.attempts + 1,
           started_at = coalesce(i.started_at, now()), version = i.version + 1
      from (select j.workspace_id, j.id from customer_import j
             where j.status = 'QUEUED' or (j.status = 'RUNNING' and j.heartbeat_at < now() - p_stale_after)
             order by j.created_at
             limit 1
             for update skip locked) next
     where i.workspace_id = next.workspace_id and i.id = next.id
    returning i.workspace_id, i.id
  $$;

-- Row-level security keeps the operators of pg_trgm and of arrays from using their indexes (they are not
-- leakproof), which would make every look for a look-alike name a scan of all customers. These two answer
-- exactly that question, for the caller's workspace only, as the owner of the table so that the indexes work.
-- Each name is looked up on its own through its index: the "offset 0" keeps the planner from starting with the
-- workspace's customers (or any other index), and no sequential scan, as it would choose while an import fills
-- a table whose statistics lag behind.
create function guanxi_customers_sounding_like(p_readings text[])
  returns table (reading text, customer_id uuid)
  language sql stable security definer set search_path = public set enable_seqscan = off
  as $$
    select r.reading, m.id
      from unnest(p_readings) as r (reading)
      cross join lateral (
        select c.id
          from (select * from customer c where string_to_array(c.search_latin, ' ') @> array[r.reading] offset 0) c
         where c.workspace_id = guanxi_current_workspace() and c.deleted_at is null
         order by c.created_at, c.id
         limit 1) m
  $$;

create function guanxi_customers_named_like(p_names text[])
  returns table (ordinal int, customer_id uuid)
  language sql stable security definer set search_path = public set pg_trgm.similarity_threshold = 0.8
    set enable_seqscan = off
  as $$
    select n.ordinal::int, m.id
      from unnest(p_names) with ordinality as n (name, ordinal)
      cross join lateral (
        select c.id
          from (select * from customer c where c.search_name % n.name offset 0) c
         where c.workspace_id = guanxi_current_workspace() and c.deleted_at is null
         order by similarity(c.search_name, n.name) desc, c.created_at, c.id
         limit 1) m
  $$;
