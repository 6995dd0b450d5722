-- Order imports: a file of order lines (any columns, mapped by the user) imported in the background, in batches that
-- each commit on their own, resumed after a restart on any node.
create table order_import (
  workspace_id           uuid not null references workspace (id),
  id                     uuid not null,
  created_by             uuid not null,
  -- the importing user as at the upload: customers and orders are looked up and created with this user's rights
  actor                  jsonb not null,
  file_name              text not null,
  headers                text[] not null,
  mapping                jsonb not null default '{}',
  options                jsonb not null default '{}',
  status                 text not null check (status in ('MAPPING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
  total_lines            int not null,
  batches                int not null,
  batches_done           int not null default 0,
  lines_done             int not null default 0,
  lines_imported         int not null default 0,
  orders_created         int not null default 0,
  returns_created        int not null default 0,
  lines_without_customer int not null default 0,
  lines_rejected         int not null default 0,
  customers_created      int not null default 0,
  products_created       int not null default 0,
  -- once the lines are in, the customers are told of their purchases in order of id: how many, and the last one
  customers_settled      int not null default 0,
  settled_after          uuid,
  failure                text,
  -- which worker runs the import; a claim whose heartbeat stops is taken over by another worker
  claim                  uuid,
  heartbeat_at           timestamptz,
  attempts               int not null default 0,
  created_at             timestamptz not null,
  started_at             timestamptz,
  finished_at            timestamptz,
  version                bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, created_by) references app_user (workspace_id, id)
);
create index order_import_by_user on order_import (workspace_id, created_by, created_at desc, id desc);
create index order_import_waiting on order_import (created_at) where status in ('QUEUED', 'RUNNING');

-- The uploaded lines, a batch to a row, sealed like personal data (they name customers) and dropped once the batch is
-- settled; and the batch's lines that were not imported (no customer, or rejected) with the reason, sealed, kept for
-- the report.
create table order_import_batch (
  workspace_id uuid not null,
  import_id    uuid not null,
  number       int not null,
  lines        int not null,
  lines_enc    bytea,
  report_enc   bytea,
  primary key (workspace_id, import_id, number),
  foreign key (workspace_id, import_id) references order_import (workspace_id, id) on delete cascade
);
-- sealed bytes do not compress: do not try
alter table order_import_batch alter column lines_enc set storage external;

do $$
declare t text;
begin
  foreach t in array array['order_import', 'order_import_batch'] loop
    execute format('alter table %I enable row level security', t);
    execute format('create policy workspace_isolation on %I using (workspace_id = guanxi_current_workspace()) '
                   'with check (workspace_id = guanxi_current_workspace())', t);
  end loop;
end $$;

-- Workers look for work before they know its workspace: this claims the oldest waiting order import (or one whose
-- worker stopped sending heartbeats) for one worker, skipping those other workers hold, and says which it is.
create function guanxi_claim_order_import(p_claim uuid, p_stale_after interval)
  returns table (workspace_id uuid, import_id uuid)
  language sql volatile security definer set search_path = public
  as $$
    update order_import i
       set status = 'RUNNING', claim = p_claim, heartbeat_at = now(), attempts = i.attempts + 1,
           started_at = coalesce(i.started_at, now()), version = i.version + 1
      from (select j.workspace_id, j.id from order_import j
             where j.status = 'QUEUED' or (j.status = 'RUNNING' and j.heartbeat_at < now() - p_stale_after)
             order by j.created_at
             limit 1
             for update skip locked) next
     where i.workspace_id = next.workspace_id and i.id = next.id
    returning i.workspace_id, i.id
  $$;
