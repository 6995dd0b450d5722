-- Follow-up records (跟进记录): a call, visit, meeting, e-mail, WeChat message, SMS, fax or web contact with a
-- customer (and optionally one of its contacts), written by a user. The author may change or delete one within the
-- workspace's edit window (interaction_settings); after that it is history.
create table interaction (
  workspace_id      uuid not null references workspace (id),
  id                uuid not null,
  customer_id       uuid not null,
  -- a contact of the customer; no foreign key, so that deleting a contact is not refused (the record then shows none)
  contact_id        uuid,
  channel           text not null check (channel in ('CALL', 'VISIT', 'MEETING', 'EMAIL', 'WECHAT', 'SMS', 'FAX',
                                                     'WEB')),
  direction         text not null check (direction in ('INBOUND', 'OUTBOUND')),
  occurred_at       timestamptz not null,
  duration_minutes  integer check (duration_minutes between 0 and 1440),
  participants      text,
  summary           text not null,
  outcome           text,
  rating            smallint check (rating between 1 and 5),
  rating_comment    text,
  next_follow_up_on date,
  place             text,
  latitude          numeric(8, 6) check (latitude between -90 and 90),
  longitude         numeric(9, 6) check (longitude between -180 and 180),
  author_id         uuid not null,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  version           bigint not null default 0,
  primary key (workspace_id, id),
  foreign key (workspace_id, customer_id) references customer (workspace_id, id),
  foreign key (workspace_id, author_id) references app_user (workspace_id, id),
  check ((latitude is null) = (longitude is null)),
  check (rating_comment is null or rating is not null)
);
-- a customer's records, newest first (its page and the API's list by customer)
create index interaction_by_customer on interaction (workspace_id, customer_id, occurred_at desc, id desc);
-- the newest first across the customers a user sees, and an author's own
create index interaction_by_time on interaction (workspace_id, occurred_at desc, id desc);
create index interaction_by_author on interaction (workspace_id, author_id, occurred_at desc, id desc);

create table interaction_settings (
  workspace_id        uuid primary key references workspace (id),
  edit_window_minutes integer not null check (edit_window_minutes between 0 and 525600),
  version             bigint not null default 0
);

select guanxi_isolate_workspaces('interaction', 'interaction_settings');
