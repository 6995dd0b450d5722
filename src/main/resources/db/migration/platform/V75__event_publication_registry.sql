-- Spring Modulith's event publication registry (its schema v2 for PostgreSQL): one row per event and module
-- listener, written in the publisher's transaction and completed (deleted) once the listener succeeded, so a
-- reaction that failed or was cut off by a restart is retried rather than lost. Events carry their workspace;
-- the table holds no business data of its own and no personal data (events carry ids), so it has no row-level
-- security: the listener runs in the event's workspace.
create table event_publication (
  id                     uuid not null,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone,
  primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
