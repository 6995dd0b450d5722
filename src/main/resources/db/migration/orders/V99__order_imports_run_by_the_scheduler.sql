-- Order imports are run by the platform's scheduler (db-scheduler) from now on: the imports that
-- wait or ran when the application was upgraded are handed to it, so that none is left.
select guanxi_schedule_job('order-import', workspace_id, id)
  from order_import where status in ('QUEUED', 'RUNNING');
-- the import's own claim on a queue, which the scheduler replaces
drop function guanxi_claim_order_import(uuid, interval);
