-- The answers kept for Idempotency-Keys are kept for 24 hours, and their body and request hash are sealed with
-- the privacy master key (IdempotentAnswers). Those kept until now are in clear: they are dropped (a client that
-- retries across the upgrade has its request carried out again).
delete from idempotent_request;

create index idempotent_request_by_age on idempotent_request (created_at);

-- The clean-up runs outside every workspace (row-level security shows it no row), so it deletes through this
-- function: one batch of the oldest expired answers of any workspace per call, skipping rows another node is
-- deleting at that moment.
create function guanxi_delete_expired_idempotent_requests(p_limit integer) returns integer
  language sql volatile security definer set search_path = public
  as $$
    with expired as (
      select workspace_id, user_id, idempotency_key from idempotent_request
      where created_at < now() - interval '24 hours'
      order by created_at
      limit p_limit
      for update skip locked
    ), deleted as (
      delete from idempotent_request r using expired e
      where r.workspace_id = e.workspace_id and r.user_id = e.user_id and r.idempotency_key = e.idempotency_key
      returning 1
    )
    select count(*)::integer from deleted
  $$;
