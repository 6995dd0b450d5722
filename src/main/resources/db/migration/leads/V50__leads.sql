-- Leads: people and companies that are not yet customers. Phone and e-mail are personal data, stored
-- sealed (*_enc) and looked up through keyed blind indexes (*_bidx), as on customers.
create table sales_lead (
  workspace_id            uuid not null references workspace (id),
  id                      uuid not null,
  name                    text,
  company                 text,
  title                   text,
  phone_enc               bytea,
  phone_bidx              bytea,
  phone_tail_bidx         bytea,
  email_enc               bytea,
  email_bidx              bytea,
  source                  text,
  city                    text,
  industry                text,
  notes                   text,
  status                  text not null check (status in ('NEW', 'WORKING', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
  disqualification_reason text,
  owner_id                uuid,
  team_id                 uuid,
  customer_id             uuid,
  converted_at            timestamptz,
  -- lower-case name and company, for the search box
  search_text             text not null,
  created_at              timestamptz not null,
  updated_at              timestamptz not null,
  version                 bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, owner_id) references app_user (workspace_id, id),
  foreign key (workspace_id, team_id) references team (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  check (name is not null or company is not null),
  check ((status = 'CONVERTED') = (customer_id is not null)),
  check (status <> 'DISQUALIFIED' or disqualification_reason is not null)
);
create index sales_lead_recent on sales_lead (workspace_id, created_at desc, id desc);
create index sales_lead_by_owner on sales_lead (workspace_id, owner_id, created_at desc, id desc);
create index sales_lead_by_team on sales_lead (workspace_id, team_id, created_at desc, id desc);
create index sales_lead_phone on sales_lead (workspace_id, phone_bidx) where phone_bidx is not null;
create index sales_lead_phone_tail on sales_lead (workspace_id, phone_tail_bidx) where phone_tail_bidx is not null;
create index sales_lead_email on sales_lead (workspace_id, email_bidx) where email_bidx is not null;

alter table sales_lead enable row level security;
alter table sales_lead force row level security;
create policy workspace_isolation on sales_lead
  using (workspace_id = guanxi_current_workspace()) with check (workspace_id = guanxi_current_workspace());
