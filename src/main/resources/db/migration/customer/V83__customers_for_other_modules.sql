-- What other modules may read of a customer in their own queries: its name, kind and owner, and whether it is in
-- the recycle bin. Each module owns its tables; this view is the customer module's SQL for the others (a deal list
-- shows its customers' names), who name it instead of customer. security_invoker keeps row-level security.
create view customer_directory with (security_invoker = true) as
  select workspace_id, id, name, kind, owner_id, created_at, deleted_at from customer;
