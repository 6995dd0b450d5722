-- Files attached to an interaction (a visit's photo, the offer sent by e-mail): kept in PostgreSQL with the
-- interaction, at most 10 MB each (the service checks it, and what the file is by its content), seen by whoever sees
-- the interaction, gone with it.
create table interaction_attachment (
  workspace_id   uuid not null references workspace (id),
  id             uuid not null,
  interaction_id uuid not null,
  file_name      text not null,
  media_type     text not null,
  size           integer not null check (size between 1 and 10485760),
  sha256         text not null,
  content        bytea not null,
  created_by     uuid not null,
  created_at     timestamptz not null,
  primary key (workspace_id, id),
  foreign key (workspace_id, interaction_id) references interaction (workspace_id, id) on delete cascade,
  foreign key (workspace_id, created_by) references app_user (workspace_id, id)
);
create index interaction_attachment_by_interaction on interaction_attachment (workspace_id, interaction_id, created_at);

select guanxi_isolate_workspaces('interaction_attachment');
